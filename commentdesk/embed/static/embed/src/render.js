// render.js: the comment section, mirroring the article page's markup and classes.

var FIELDS = [
  { name: "author_name", label: "Name", type: "text", autocomplete: "name" },
  { name: "author_email", label: "Email", type: "email", autocomplete: "email", help: "Never shown publicly." },
  { name: "text", label: "Comment", textarea: true }
];

// onReply(comment), when given, adds a Reply button to a top-level published comment.
function renderComment(comment, own, onReply) {
  var meta = el("p", { class: "comment-meta" }, [
    el("span", { class: "comment-author", dir: "auto", text: comment.author_name }),
    " ",
    el("time", { datetime: comment.created_at, text: comment.created_display })
  ]);
  if (own && comment.status_text) {
    meta.appendChild(el("span", { class: "comment-status", text: " " + comment.status_text }));
  }
  var replies = comment.replies || [];
  return el("li", { class: "comment" + (own ? " comment-" + comment.status : ""), id: "comment-" + comment.id }, [
    meta,
    el("div", { class: "comment-text", dir: "auto" }, paragraphs(comment.text)),
    onReply && !comment.parent_id ? el("p", { class: "comment-actions" }, [
      el("button", { type: "button", class: "reply-link", text: t("Reply"),
        onclick: function () { onReply(comment); } })
    ]) : null,
    replies.length ? el("ol", { class: "comment-list replies",
      "aria-label": t("Replies to %(name)s", { name: comment.author_name }) },
      replies.map(function (reply) { return renderComment(reply, false); })) : null
  ]);
}

function renderList(label, className, comments, own, onReply) {
  return el("ol", { class: "comment-list " + className, "aria-label": t(label) },
    comments.map(function (comment) { return renderComment(comment, own, onReply); }));
}

// The note above the form while it replies to a comment, with a way back to a plain comment.
function renderReplyingTo(comment, onCancel) {
  var excerpt = comment.text.length > 100 ? comment.text.slice(0, 99) + "…" : comment.text;
  return el("p", { class: "replying-to" }, [
    t("Replying to %(name)s:", { name: comment.author_name }) + " “",
    el("bdi", { text: excerpt }),
    "” ",
    el("button", { type: "button", class: "cancel-reply", text: t("Cancel reply"), onclick: onCancel })
  ]);
}

function renderIntro(site) {
  return [
    el("h2", { text: t("Comments") }),
    el("p", { class: "moderation-notice", text: site.notice }),
    el("div", { class: "guidelines" }, site.guidelines.map(function (p) { return el("p", { text: p }); }))
  ];
}

function renderField(field, maxLength) {
  var id = "cd-" + field.name;
  var attrs = { id: id, name: field.name, dir: field.type === "email" ? null : "auto", autocomplete: field.autocomplete };
  var input = field.textarea
    ? el("textarea", Object.assign(attrs, { rows: 6, maxlength: maxLength }))
    : el("input", Object.assign(attrs, { type: field.type }));
  return el("div", { class: "field", "data-field": field.name }, [
    el("label", { for: id }, [t(field.label) + " ", el("span", { class: "required", text: t("Required") })]),
    input,
    field.help ? el("p", { class: "help", text: t(field.help) }) : null
  ]);
}

function renderForm(maxLength, onSubmit) {
  var form = el("form", { class: "comment-form", novalidate: true },
    [el("div", { class: "reply-target" })].concat(FIELDS.map(function (field) { return renderField(field, maxLength); }).concat([
      el("div", { class: "form-status", role: "alert" }),
      el("button", { type: "submit", text: t("Post comment") })
    ])));
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    onSubmit(form);
  });
  return form;
}

function formValues(form) {
  var values = {};
  FIELDS.forEach(function (field) { values[field.name] = form.elements[field.name].value; });
  return values;
}

// Marks the fields the server refused, with its messages inside the labels (as on the page).
function showFieldErrors(form, message, fields) {
  form.querySelectorAll(".field").forEach(function (div) {
    var errors = (fields || {})[div.getAttribute("data-field")] || [];
    div.classList.toggle("field-invalid", errors.length > 0);
    div.querySelectorAll(".field-error").forEach(function (node) { node.remove(); });
    var label = div.querySelector("label");
    errors.forEach(function (error) { label.appendChild(el("span", { class: "field-error", text: error })); });
  });
  form.querySelector(".form-status").textContent = message || "";
}
