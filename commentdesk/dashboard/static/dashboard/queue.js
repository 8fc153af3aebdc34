// The queue works with plain forms; this script adds the keyboard, decisions in place
// (the item leaves the list without a reload) and an undo button for the undo window.
(function () {
  "use strict";

  const queue = document.getElementById("queue");
  const toast = document.getElementById("undo-toast");
  const shortcuts = document.getElementById("shortcuts");
  if (!queue || !toast) return;

  const undoForm = toast.querySelector("form");
  const undoSeconds = Number(toast.dataset.seconds || 30);
  let focused = -1;
  let hideTimer = null;

  function items() {
    return Array.from(queue.querySelectorAll(".queue-item"));
  }

  function currentItem() {
    return items()[focused] || null;
  }

  function focusItem(index, { moveFocus = true } = {}) {
    const list = items();
    focused = list.length ? Math.max(0, Math.min(index, list.length - 1)) : -1;
    list.forEach((item, i) => item.classList.toggle("is-focused", i === focused));
    if (focused >= 0 && moveFocus) list[focused].focus();
  }

  async function post(form) {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const body = await response.json().catch(() => ({ error: toast.dataset.noAnswer }));
    return { status: response.status, body };
  }

  function showToast(message, undoUrl) {
    toast.querySelector(".undo-message").textContent = message;
    undoForm.hidden = !undoUrl;
    undoForm.action = undoUrl || "";
    toast.hidden = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { toast.hidden = true; }, undoSeconds * 1000);
  }

  async function decide(form) {
    if (!form.reportValidity()) return;
    const item = form.closest(".queue-item");
    const { status, body } = await post(form);
    // 409: a colleague decided it first; it has left the queue either way.
    if (status === 200 || status === 409) {
      const index = items().indexOf(item);
      item.remove();
      focusItem(index);
    }
    showToast(body.message || body.error, body.undo_url);
  }

  async function undo() {
    if (toast.hidden || undoForm.hidden) return;
    const { status, body } = await post(undoForm);
    if (status === 200) {
      // The comment returns to the queue in its place, oldest first: the server knows where.
      window.location.reload();
    } else {
      showToast(body.error || body.message, null);
    }
  }

  function pickGuideline(number) {
    const select = currentItem()?.querySelector(".reject-form select");
    if (!select) return;
    const placeholder = select.options[0].value ? 0 : 1;
    const option = select.options[number - 1 + placeholder];
    if (option) select.value = option.value;
  }

  function toggleSelection() {
    const checkbox = currentItem()?.querySelector("input.select");
    if (!checkbox) return;
    checkbox.checked = !checkbox.checked;
    checkbox.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function submitFocused(selector) {
    const form = currentItem()?.querySelector(selector);
    if (form) decide(form);
  }

  const KEYS = {
    j: () => focusItem(focused + 1),
    k: () => focusItem(focused - 1),
    a: () => submitFocused(".approve-form"),
    r: () => submitFocused(".reject-form"),
    x: toggleSelection,
    u: undo,
    "?": () => { shortcuts.open = !shortcuts.open; },
  };

  function isTyping(target) {
    return target.closest && target.closest("input, textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (/^[1-7]$/.test(event.key)) {
      pickGuideline(Number(event.key));
    } else if (KEYS[event.key]) {
      KEYS[event.key]();
    } else {
      return;
    }
    event.preventDefault();
  });

  queue.addEventListener("submit", (event) => {
    if (!event.target.matches(".approve-form, .reject-form")) return;
    event.preventDefault();
    decide(event.target);
  });

  queue.addEventListener("change", (event) => {
    if (event.target.matches("input.select")) {
      event.target.closest(".queue-item").classList.toggle("is-selected", event.target.checked);
    }
  });

  queue.addEventListener("click", (event) => {
    const item = event.target.closest(".queue-item");
    // Marks the item for the keys without taking focus from the control that was clicked.
    if (item) focusItem(items().indexOf(item), { moveFocus: false });
  });

  undoForm.addEventListener("submit", (event) => {
    event.preventDefault();
    undo();
  });
})();
