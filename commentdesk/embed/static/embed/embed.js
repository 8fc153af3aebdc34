// embed.js: the comment section on a publisher's page, inside a shadow root.
//
//   <div id="commentdesk"></div>
//   <script src="https://DESK/embed.js" data-article-url="..." data-article-title="..."
//           data-sort="oldest|newest|replies" async></script>
//
// With single sign-on the publisher adds data-sso-token="..." for a reader signed in on its
// site: a fresh token for each page (docs/guides/sso.md).
//
// Shadow DOM keeps the host page's CSS out of the section and ours out of the page, while the
// section grows with its content and stays in the page's document (no iframe to resize).

var STORAGE_PREFIX = "commentdesk:";
var REMEMBERED = 20;
var STYLE = [
  ":host{all:initial;display:block}",
  // The wrapper cuts inheritance from the host page: a host rule on our element itself (even
  // "* {color: x !important}") would otherwise pass its inherited properties down to us.
  ".commentdesk{all:initial;display:block;max-width:42rem;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a}",
  "h2{font-size:1.3rem;margin:1.5rem 0 .5rem}",
  ".moderation-notice,.guidelines{color:#444;font-size:.9rem}",
  ".comment-list{list-style:none;padding:0;margin:1rem 0}",
  ".comment{border-top:1px solid #ddd;padding:.6rem 0}",
  ".comment-meta{margin:0;font-size:.85rem;color:#555}",
  ".comment-author{font-weight:600;color:#1a1a1a;margin-inline-end:.5rem}",
  ".comment-status{display:block;color:#8a4b00}",
  ".replies{margin:.5rem 0 0;padding-inline-start:1rem;border-inline-start:2px solid #ddd}",
  ".replies .comment:last-child{padding-bottom:0}",
  ".comment-actions{margin:.25rem 0 0}.reply-link,.cancel-reply{font-size:.85rem;padding:.1rem .6rem}",
  ".replying-to{background:#f3f3f3;padding:.5rem .75rem;margin:0}",
  ".comment-actions button{margin-inline-end:.5rem}",
  ".report-form{margin:.5rem 0;padding:.5rem .75rem;background:#f3f3f3}.report-form fieldset{border:0;padding:0;margin:0}",
  ".report-form .choice{font-weight:400}.report-form .choice input{width:auto}",
  ".comment-pending,.comment-rejected{background:#fff8e6;padding-inline:.5rem}",
  ".field{margin:.8rem 0}label{display:block;font-weight:600}",
  ".signed-in{margin:.5rem 0}.sign-in a{font-weight:600;color:inherit}",
  ".choice label{font-weight:400}.choice input{width:auto;margin-inline-end:.5rem}",
  ".required{font-weight:400;font-size:.8rem;color:#666}",
  "input,textarea{box-sizing:border-box;width:100%;font:inherit;padding:.4rem;border:1px solid #888;border-radius:3px}",
  ".field-invalid input,.field-invalid textarea{border-color:#b00020}",
  ".field-error,.form-status{display:block;color:#b00020;font-weight:400}",
  ".form-status.message-success{color:#0b6b2d}",
  ".help{margin:.2rem 0;font-size:.85rem;color:#555}",
  "button{font:inherit;padding:.4rem 1rem;cursor:pointer}",
  ".featured{background:#f6f6f6;padding:.1rem .75rem;border-inline-start:4px solid #1a1a1a}.featured h3{font-size:1rem;margin:.5rem 0 0}",
  ".comment-sort button{font-size:.85rem;padding:.1rem .6rem;margin-inline-end:.5rem}.comment-sort [aria-pressed=true]{font-weight:700}"
].join("\n");

function storageKey(url) {
  return STORAGE_PREFIX + url;
}

// The author tokens of the comments this browser posted on the article, newest last.
function remembered(url) {
  try {
    return JSON.parse(localStorage.getItem(storageKey(url))) || [];
  } catch (error) {
    return [];
  }
}

function remember(url, comment, token) {
  var posted = remembered(url).concat([{ id: comment.id, token: token }]).slice(-REMEMBERED);
  try {
    localStorage.setItem(storageKey(url), JSON.stringify(posted));
  } catch (error) { /* Storage full or blocked: the comment is still posted. */ }
}

function canonicalUrl() {
  var link = document.querySelector("link[rel=canonical]");
  return link ? link.href : location.href.split("#")[0];
}

function mount(script) {
  var id = script.getAttribute("data-container") || "commentdesk";
  var host = document.getElementById(id);
  if (!host) {
    host = document.createElement("div");
    host.id = id;
    script.parentNode.insertBefore(host, script);
  }
  var root = host.shadowRoot || host.attachShadow({ mode: "open" });
  adoptStyle(clear(root));
  return root.appendChild(el("div", { class: "commentdesk" }));
}

// A stylesheet built by script needs nothing in the host page's style-src: Content Security
// Policy governs <style> elements and style attributes, which browsers without constructed
// stylesheets (Safari before 16.4) still get.
function adoptStyle(root) {
  if (root.adoptedStyleSheets && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(el("style", { text: STYLE }));
  }
}

function Section(script) {
  this.api = new Api(deskOrigin(script));
  this.url = script.getAttribute("data-article-url") || canonicalUrl();
  this.title = script.getAttribute("data-article-title") || document.title;
  this.token = script.getAttribute("data-sso-token") || "";
  this.box = mount(script);
  this.sort = initialSort(script.getAttribute("data-sort"));
}

// data-sort: the order the section opens in (a live blog may want newest first).
function initialSort(wanted) {
  return SORTS.some(function (sort) { return sort.value === wanted; }) ? wanted : "oldest";
}

Section.prototype.load = function () {
  var section = this;
  return this.api.comments(this.url, 1, this.sort).then(function (response) {
    if (!response.ok) return section.fail(response.data.error);
    section.render(response.data);
    return section.loadOwn();
  }).catch(function () { section.fail(); });
};

Section.prototype.fail = function (message) {
  clear(this.box).appendChild(el("p", { class: "commentdesk-error", role: "alert",
    text: message || t("The comments could not be loaded. Please try again later.") }));
};

Section.prototype.render = function (data) {
  var site = data.site;
  setStrings(site.strings);
  this.box.setAttribute("lang", site.language);
  this.box.setAttribute("dir", site.direction);
  this.own = el("ol", { class: "comment-list own-comments", "aria-label": t("Your comments"), hidden: true });
  var comments = el("section", { class: "comments", id: "comments" }, renderIntro(site).concat([this.own]));
  var sso = site.sso || {};
  this.signedIn = sso.enabled && this.token ? tokenName(this.token) : "";
  var mayPost = data.thread.open && !(sso.required && !this.signedIn);
  if (data.comments.length) {
    this.onReply = mayPost ? this.replyTo.bind(this) : null;
    this.onReport = this.report.bind(this);
    if (data.featured.length) comments.appendChild(renderFeatured(data.featured, this.onReply));
    this.sorter = comments.appendChild(renderSort(this.sort, this.resort.bind(this)));
    this.threads = comments.appendChild(el("div", { class: "threads" }));
    this.showThreads(data);
  } else {
    comments.appendChild(el("p", { class: "no-comments", text: t("No comments have been published yet.") }));
  }
  this.form = mayPost ? renderForm(site.max_length, this.submit.bind(this), this.signedIn) : null;
  clear(this.box).appendChild(comments);
  this.box.appendChild(el("section", { class: "post-comment", id: "post-comment" }, [
    el("h2", { text: t("Post a comment") }),
    data.thread.open && sso.enabled && !this.signedIn ? renderSignIn(sso.login_url) : null,
    this.form,
    data.thread.open ? null : el("p", { class: "comments-closed", text: t("Comments on this article are closed.") })
  ]));
};

// The first page of threads in the current order, replacing any shown before.
Section.prototype.showThreads = function (data) {
  this.published = renderList("Published comments", "published-comments", data.comments, false,
    this.onReply, this.onReport);
  clear(this.threads).appendChild(this.published);
  this.appendMore(this.published, data);
};

// A sort button: the threads again from page 1 in that order; the form keeps what was typed.
Section.prototype.resort = function (sort) {
  var section = this;
  this.sort = sort;
  this.sorter.querySelectorAll("button").forEach(function (button) {
    button.setAttribute("aria-pressed", String(button.value === sort));
  });
  return this.api.comments(this.url, 1, sort).then(function (response) {
    if (response.ok && section.sort === sort) section.showThreads(response.data);
  });
};

Section.prototype.appendMore = function (list, data) {
  if (data.page >= data.pages) return;
  var section = this;
  var button = el("button", { type: "button", class: "more", text: t("Show more comments"), onclick: function () {
    button.remove();
    section.api.comments(section.url, data.page + 1, data.sort).then(function (response) {
      if (!response.ok) return;
      response.data.comments.forEach(function (c) {
        list.appendChild(renderComment(c, false, section.onReply, section.onReport));
      });
      section.appendMore(list, response.data);
    });
  } });
  this.threads.appendChild(button);
};

// The author's own comments that the public cannot see yet: pending or rejected.
Section.prototype.loadOwn = function () {
  var section = this;
  var requests = remembered(this.url).map(function (posted) {
    return section.api.status(posted.id, posted.token).then(function (r) { return r.ok ? r.data.comment : null; });
  });
  return Promise.all(requests).then(function (comments) {
    comments.forEach(function (comment) {
      if (comment && comment.status !== "approved") section.showOwn(comment);
    });
  });
};

Section.prototype.showOwn = function (comment) {
  this.own.hidden = false;
  this.own.appendChild(renderComment(comment, true));
};

// The Reply button of a published comment: the one form now posts a reply to it (parent_id).
Section.prototype.replyTo = function (comment) {
  var section = this;
  this.parentId = comment ? comment.id : null;
  var target = clear(this.form.querySelector(".reply-target"));
  if (!comment) return;
  target.appendChild(renderReplyingTo(comment, function () { section.replyTo(null); }));
  this.form.elements.text.focus();
};

// A reader's report of a published comment; the answer replaces the form's buttons.
Section.prototype.report = function (comment, fields, form) {
  var status = form.querySelector(".form-status");
  this.api.report(comment.id, fields).then(function (response) {
    if (response.status !== 201) {
      var errors = response.data.fields || {};
      status.textContent = (errors.reason || errors.note || [response.data.error]).join(" ");
      return;
    }
    clear(form).appendChild(el("p", { class: "form-status message-success", role: "status",
      text: response.data.message }));
  }).catch(function () {
    status.textContent = t("The comments could not be loaded. Please try again later.");
  });
};

Section.prototype.submit = function (form) {
  var section = this;
  var fields = formValues(form);
  fields.url = this.url;
  fields.title = this.title;
  fields.parent_id = this.parentId || null;
  if (this.signedIn) fields.sso_token = this.token;
  form.querySelector("button[type=submit]").disabled = true;
  this.api.post(fields).then(function (response) {
    var data = response.data;
    if (response.status !== 201) return showFieldErrors(form, data.error, data.fields);
    remember(section.url, data.comment, data.token);
    form.reset();
    section.replyTo(null);
    showFieldErrors(form, data.message, {});
    form.querySelector(".form-status").classList.add("message-success");
    section.showOwn(data.comment);
  }).catch(function () {
    showFieldErrors(form, t("The comments could not be loaded. Please try again later."), {});
  }).then(function () {
    form.querySelector("button[type=submit]").disabled = false;
  });
};

new Section(document.currentScript).load();
