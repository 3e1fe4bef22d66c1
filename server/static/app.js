// kg pages: small enhancements only; every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("query-form");
  const textarea = document.getElementById("query");
  const run = () => form.requestSubmit();

  // The SPARQL editor (CodeMirror 5, vendored by `make vendor`), else the plain text area.
  if (form && textarea && window.CodeMirror) {
    const editor = window.CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query",
      lineNumbers: true,
      matchBrackets: true,
      indentUnit: 2,
      viewportMargin: Infinity,
      inputStyle: "contenteditable",  // read by screen readers
      screenReaderLabel: "SPARQL query",
      extraKeys: {
        "Ctrl-Enter": run,
        "Cmd-Enter": run,
        // Tab and Shift-Tab move the focus, so the editor is no keyboard trap.
        Tab: false,
        "Shift-Tab": false,
      },
    });
    const input = editor.getInputField();
    input.setAttribute("aria-describedby", "query-hint");
    // The label still focuses the editor.
    const label = document.querySelector('label[for="query"]');
    if (label) {
      label.addEventListener("click", () => editor.focus());
    }
    document.documentElement.dataset.editor = "codemirror";
  } else if (form && textarea) {
    // Ctrl+Enter (Cmd+Enter on macOS) runs the query.
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        run();
      }
    });
    document.documentElement.dataset.editor = "textarea";
  }

  // A query too long for a URL is sent as a POST form: same page, no shareable link.
  if (form) {
    form.addEventListener("submit", () => {
      const limit = Number(form.dataset.maxLink || 8000);
      const fields = new URLSearchParams(new FormData(form)).toString();
      form.method = location.origin.length + form.getAttribute("action").length + fields.length + 2 > limit
        ? "post" : "get";
    });
  }

  // "Copy" next to the shareable link, where the clipboard API is available.
  const share = document.getElementById("share-url");
  const copy = document.getElementById("copy-link");
  if (share && copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", () => {
      navigator.clipboard.writeText(share.value).then(() => {
        copy.textContent = "Copied";
        setTimeout(() => { copy.textContent = "Copy"; }, 1500);
      });
    });
    share.addEventListener("focus", () => share.select());
  }
});
