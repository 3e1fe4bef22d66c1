// kg query page: small enhancements only; the page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("query-form");
  const editor = document.getElementById("query");

  // Ctrl+Enter (Cmd+Enter on macOS) runs the query.
  if (form && editor) {
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      }
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
