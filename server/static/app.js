// kg pages: small enhancements only; every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("query-form");
  const textarea = document.getElementById("query");
  const run = () => form.requestSubmit();

  // An example's values changed but its query was not edited: "Run query" runs the values
  // (the query below still holds the old ones, and the prominent button would run those).
  const params = document.querySelector("form.params");
  let edited = false;
  let changed = false;
  const stale = document.getElementById("stale-values");
  if (params) {
    const mark = () => {
      changed = true;
      if (stale && !edited) stale.hidden = false;
    };
    params.addEventListener("change", mark);
    params.addEventListener("input", mark);
  }
  if (form && params) {
    form.addEventListener("submit", (event) => {
      if (changed && !edited) {
        event.preventDefault();
        event.stopImmediatePropagation();
        params.requestSubmit();
      }
    });
  }
  const noteEdit = () => {
    edited = true;
    if (stale) stale.hidden = true;
  };

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
    editor.on("change", (_, change) => { if (change.origin !== "setValue") noteEdit(); });
    const input = editor.getInputField();
    input.setAttribute("aria-describedby", "query-hint");
    // The label still focuses the editor.
    const label = document.querySelector('label[for="query"]');
    if (label) {
      label.addEventListener("click", () => editor.focus());
    }
    document.documentElement.dataset.editor = "codemirror";
    // A syntax error's line is marked in the editor, with the cursor at its column.
    const failed = document.getElementById("query-error");
    if (failed) {
      const line = Number(failed.dataset.line) - 1;
      const ch = Math.max(Number(failed.dataset.column) - 1, 0);
      if (line >= 0 && line < editor.lineCount()) {
        editor.addLineClass(line, "background", "error-line");
        editor.setCursor({ line, ch });
        editor.scrollIntoView({ line, ch }, 40);
      }
    }
  } else if (form && textarea) {
    textarea.addEventListener("input", noteEdit);
    // Ctrl+Enter (Cmd+Enter on macOS) runs the query.
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        run();
      }
    });
    document.documentElement.dataset.editor = "textarea";
    // A syntax error's position is selected in the text area.
    const failed = document.getElementById("query-error");
    if (failed) {
      const lines = textarea.value.split("\n");
      const line = Math.min(Math.max(Number(failed.dataset.line), 1), lines.length);
      const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0)
        + Math.min(Math.max(Number(failed.dataset.column) - 1, 0), lines[line - 1].length);
      textarea.setSelectionRange(offset, offset);
    }
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

  // While a query runs (up to the time limit), say so: the Run button is disabled, a status
  // counts the seconds, and the form is aria-busy. The answer (results or an error) replaces
  // the page; coming back to this one from the history restores it.
  let ticking = null;
  const idle = () => {
    clearInterval(ticking);
    for (const busy of document.querySelectorAll("form.runs-query")) {
      busy.removeAttribute("aria-busy");
      for (const button of busy.querySelectorAll("button[type=submit]")) button.disabled = false;
      const status = busy.querySelector(".running");
      if (status) status.textContent = "";
    }
  };
  for (const running of document.querySelectorAll("form.runs-query")) {
    running.addEventListener("submit", () => {
      const started = Date.now();
      const status = running.querySelector(".running");
      const show = () => {
        const seconds = Math.floor((Date.now() - started) / 1000);
        if (status) status.textContent = `Running\u2026 ${seconds} s`;
      };
      running.setAttribute("aria-busy", "true");
      // Disabled after the browser has read the form: a disabled submitter would not be sent.
      setTimeout(() => {
        for (const button of running.querySelectorAll("button[type=submit]")) button.disabled = true;
      });
      show();
      ticking = setInterval(show, 1000);
    });
  }
  window.addEventListener("pageshow", idle);

  // A link to a closed <details> (the predeclared prefixes) opens it.
  const openTarget = () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") target.open = true;
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // Timeline marks: their words, otherwise only a tooltip on hover, also show on keyboard
  // focus (and hover) in a box next to the mark.
  const chart = document.querySelector("svg.timeline");
  const words = document.getElementById("mark-words");
  if (chart && words) {
    const box = words.parentElement;
    const show = (event) => {
      const mark = event.target.closest && event.target.closest("a.marker");
      const title = mark && mark.querySelector("title");
      if (!title) return;
      words.textContent = title.textContent;
      words.hidden = false;
      const at = mark.getBoundingClientRect();
      const frame = box.getBoundingClientRect();
      const left = Math.min(at.left - frame.left, frame.width - words.offsetWidth);
      words.style.left = `${Math.max(0, left)}px`;
      words.style.top = `${at.bottom - frame.top + 6}px`;
    };
    const hide = () => { words.hidden = true; };
    chart.addEventListener("focusin", show);
    chart.addEventListener("mouseover", show);
    chart.addEventListener("focusout", hide);
    chart.addEventListener("mouseleave", hide);
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
