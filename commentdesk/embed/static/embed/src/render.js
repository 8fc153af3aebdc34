// render.js: the comment section, mirroring the article page's markup and classes.

var FIELDS = [
  { name: "author_name", label: "Name", type: "text", autocomplete: "name" },
  { name: "author_email", label: "Email", type: "email", autocomplete: "email", help: "Never shown publicly." },
  { name: "text", label: "Comment", textarea: true }
];

var REPORT_REASONS = [
  { value: "offensive", label: "Offensive" },
  { value: "abusive", label: "Abusive or a personal attack" },
  { value: "spam", label: "Spam or promotion" },
  { value: "other", label: "Something else" }
];

var SORTS = [
  { value: "oldest", label: "Oldest first" },
  { value: "newest", label: "Newest first" },
  { value: "replies", label: "Most replies" }
];

// onReply(comment), when given, adds a Reply button to a top-level published comment;
// onReport(comment, values, form), a Report button to every published comment.
function renderComment(comment, own, onReply, onReport) {
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
    own ? null : renderActions(comment, onReply, onReport),
    replies.length ? el("ol", { class: "comment-list replies",
      "aria-label": t("Replies to %(name)s", { name: comment.author_name }) },
      replies.map(function (reply) { return renderComment(reply, false, null, onReport); })) : null
  ]);
}

function renderActions(comment, onReply, onReport) {
  var actions = el("div", { class: "comment-actions" });
  if (onReply && !comment.parent_id) {
    actions.appendChild(el("button", { type: "button", class: "reply-link", text: t("Reply"),
      onclick: function () { onReply(comment); } }));
  }
  if (onReport) {
    var button = el("button", { type: "button", class: "report-link", text: t("Report"), onclick: function () {
      button.hidden = true;
      actions.appendChild(renderReportForm(comment, onReport, function () { button.hidden = false; }));
    } });
    actions.appendChild(button);
  }
  return actions;
}

// A reason (required) and an optional note; onReport posts them.
function renderReportForm(comment, onReport, onClose) {
  var name = "cd-reason-" + comment.id;
  var form = el("form", { class: "report-form", novalidate: true }, [
    el("fieldset", {}, [el("legend", { text: t("Why are you reporting this comment?") })].concat(
      REPORT_REASONS.map(function (reason) {
        return el("label", { class: "choice" }, [
          el("input", { type: "radio", name: name, value: reason.value }), " " + t(reason.label)
        ]);
      }))),
    el("label", { for: "cd-note-" + comment.id, text: t("Note for the moderators (optional)") }),
    el("input", { type: "text", id: "cd-note-" + comment.id, name: "note", maxlength: 300, dir: "auto" }),
    el("div", { class: "form-status", role: "alert" }),
    el("button", { type: "submit", text: t("Send report") }),
    " ",
    el("button", { type: "button", class: "cancel-report", text: t("Cancel"), onclick: function () {
      form.remove();
      onClose();
    } })
  ]);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var checked = form.querySelector("input[type=radio]:checked");
    onReport(comment, { reason: checked ? checked.value : "", note: form.elements.note.value }, form);
  });
  return form;
}

function renderList(label, className, comments, own, onReply, onReport) {
  return el("ol", { class: "comment-list " + className, "aria-label": t(label) },
    comments.map(function (comment) { return renderComment(comment, own, onReply, onReport); }));
}

// The desk's picks, before the threads; each is also in its place in its thread.
function renderFeatured(comments, onReply) {
  return el("section", { class: "featured" }, [
    el("h3", { text: t("Featured") }),
    el("ol", { class: "comment-list featured-comments" }, comments.map(function (comment) {
      var node = renderComment(comment, false, onReply, null);
      node.id = "featured-" + comment.id;
      return node;
    }))
  ]);
}

// One button per order, the current one pressed; onSort(value) refetches the threads.
function renderSort(current, onSort) {
  return el("div", { class: "comment-sort", role: "group", "aria-label": t("Sort comments") },
    SORTS.map(function (sort) {
      return el("button", { type: "button", value: sort.value, "aria-pressed": String(sort.value === current),
        text: t(sort.label), onclick: function () { onSort(sort.value); } });
    }));
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

// Opt-in to the commenter's emails: unticked until the reader ticks it.
var NOTIFY_LABEL = "Email me when my comment is published or rejected, and when someone replies";

function renderNotifyBox() {
  return el("div", { class: "field choice" }, [
    el("label", {}, [el("input", { type: "checkbox", name: "notify" }), " " + t(NOTIFY_LABEL)])
  ]);
}

// signedIn: the name of a reader signed in through the publisher, whose name and email the
// desk takes from the token; the form then asks only for the comment.
function renderForm(maxLength, onSubmit, signedIn) {
  var fields = signedIn ? FIELDS.filter(function (field) { return field.name === "text"; }) : FIELDS;
  var signedInAs = signedIn ? el("p", { class: "signed-in", dir: "auto",
    text: t("Signed in as %(name)s", { name: signedIn }) }) : null;
  var form = el("form", { class: "comment-form", novalidate: true },
    [signedInAs, el("div", { class: "reply-target" })].concat(fields.map(function (field) { return renderField(field, maxLength); }).concat([
      renderNotifyBox(),
      el("div", { class: "form-status", role: "alert" }),
      el("button", { type: "submit", text: t("Post comment") })
    ])));
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    onSubmit(form);
  });
  return form;
}

// The publisher's login page, told to send the reader back to this page.
function renderSignIn(loginUrl) {
  var href = loginUrl + (loginUrl.indexOf("?") < 0 ? "?" : "&") +
    "return_to=" + encodeURIComponent(location.href.split("#")[0]);
  return el("p", { class: "sign-in" }, [el("a", { href: href, text: t("Sign in to comment") })]);
}

// The reader's name in the token, for display only: the desk verifies the token on posting.
function tokenName(token) {
  try {
    var payload = atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = Uint8Array.from(payload, function (c) { return c.charCodeAt(0); });
    return JSON.parse(new TextDecoder().decode(bytes)).user.username || "";
  } catch (error) {
    return "";
  }
}

function formValues(form) {
  var values = {};
  FIELDS.forEach(function (field) {
    if (form.elements[field.name]) values[field.name] = form.elements[field.name].value;
  });
  values.notify = form.elements.notify.checked;
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
