/* veracity web app: collect documents, send them to the API, show the stored report.
   Every piece of user or server text goes into the page through textContent, never as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("case-form");
  var maxDocuments = parseInt(form.getAttribute("data-max-documents"), 10);
  var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);
  var accepted = form.getAttribute("data-accept").split(",");
  var drop = document.getElementById("drop");
  var fileInput = document.getElementById("files");
  var paste = document.getElementById("paste");
  var chosen = document.getElementById("chosen");
  var statusLine = document.getElementById("status");
  var checkButton = document.getElementById("check");
  var caseList = document.getElementById("case-list");
  var noCases = document.getElementById("no-cases");
  var result = document.getElementById("result");
  var frame = document.getElementById("report");
  var documents = [];
  var pasted = 0;

  function say(message, isError) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", Boolean(isError));
  }

  function byteSize(text) { return new Blob([text]).size; }

  function describeSize(bytes) {
    return bytes < 1000 ? bytes + " B" : Math.round(bytes / 100) / 10 + " kB";
  }

  function renderChosen() {
    chosen.textContent = "";
    documents.forEach(function (doc, index) {
      var item = document.createElement("li");
      var name = document.createElement("span");
      name.className = "name";
      name.textContent = doc.name;
      var size = document.createElement("span");
      size.className = "size";
      size.textContent = describeSize(doc.size);
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "remove";
      remove.setAttribute("aria-label", "Remove " + doc.name);
      remove.textContent = "×";
      remove.addEventListener("click", function () {
        documents.splice(index, 1);
        renderChosen();
      });
      item.appendChild(name);
      item.appendChild(size);
      item.appendChild(remove);
      chosen.appendChild(item);
    });
  }

  function addDocument(name, text) {
    if (documents.length >= maxDocuments) {
      say("At most " + maxDocuments + " documents per case.", true);
      return false;
    }
    var size = byteSize(text);
    if (size > maxBytes) {
      say(name + " is " + describeSize(size) + ": the limit is " + describeSize(maxBytes) + ".", true);
      return false;
    }
    if (!text.trim()) {
      say(name + " is empty.", true);
      return false;
    }
    documents.push({ name: name, text: text, size: size });
    renderChosen();
    return true;
  }

  function acceptable(file) {
    var lower = file.name.toLowerCase();
    return accepted.some(function (suffix) { return lower.endsWith(suffix); });
  }

  function addFiles(files) {
    say("", false);
    Array.prototype.forEach.call(files, function (file) {
      if (!acceptable(file)) {
        say(file.name + ": only " + accepted.join(", ") + " files; paste other text instead.", true);
        return;
      }
      if (file.size > maxBytes) {
        say(file.name + " is " + describeSize(file.size) + ": the limit is " + describeSize(maxBytes) + ".", true);
        return;
      }
      file.text().then(function (text) { addDocument(file.name, text); });
    });
  }

  function addPasted() {
    var text = paste.value;
    if (!text.trim()) { return true; }
    pasted += 1;
    if (addDocument("pasted-" + pasted, text)) {
      paste.value = "";
      return true;
    }
    return false;
  }

  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer) { addFiles(event.dataTransfer.files); }
  });
  fileInput.addEventListener("change", function () {
    addFiles(fileInput.files);
    fileInput.value = "";
  });
  document.getElementById("add-paste").addEventListener("click", addPasted);

  function errorText(body, status) {
    if (body && typeof body.detail === "string") { return body.detail; }
    if (body && Array.isArray(body.detail)) {
      return body.detail.map(function (d) { return d.msg || String(d); }).join("; ");
    }
    return "The server answered " + status + ".";
  }

  function showCase(item) {
    result.hidden = false;
    document.getElementById("result-title").textContent = item.title;
    document.getElementById("open-page").href = item.html_url;
    document.getElementById("open-json").href = item.report_url;
    frame.src = item.html_url + "?embedded=true";
    history.replaceState(null, "", "#case-" + item.id);
    document.querySelectorAll(".case-list button[aria-current]").forEach(function (b) {
      b.removeAttribute("aria-current");
    });
    var current = document.querySelector('.case-list button[data-case="' + item.id + '"]');
    if (current) { current.setAttribute("aria-current", "true"); }
    result.scrollIntoView({ block: "start" });
  }

  function caseEntry(item) {
    var entry = document.createElement("li");
    var open = document.createElement("button");
    open.type = "button";
    open.setAttribute("data-case", item.id);
    open.textContent = item.title;
    open.addEventListener("click", function () { showCase(item); });
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = item.documents + " documents · " + item.created.replace("T", " ").slice(0, 16);
    entry.appendChild(open);
    entry.appendChild(meta);
    return entry;
  }

  function loadCases() {
    return fetch("/api/cases").then(function (response) { return response.json(); })
      .then(function (items) {
        caseList.textContent = "";
        items.forEach(function (item) { caseList.appendChild(caseEntry(item)); });
        noCases.hidden = items.length > 0;
        return items;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!addPasted()) { return; }
    if (!documents.length) {
      say("Add at least one document: drop a file or paste an article.", true);
      return;
    }
    checkButton.disabled = true;
    say("Checking " + documents.length + " document" + (documents.length > 1 ? "s" : "") + "…", false);
    fetch("/api/cases", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        title: document.getElementById("title").value,
        documents: documents.map(function (d) { return { name: d.name, text: d.text }; })
      })
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) { throw new Error(errorText(body, response.status)); }
        return body;
      });
    }).then(function (item) {
      documents = [];
      renderChosen();
      document.getElementById("title").value = "";
      say("Done: " + item.documents + " documents checked.", false);
      return loadCases().then(function () { showCase(item); });
    }).catch(function (error) {
      say(error.message, true);
    }).then(function () {
      checkButton.disabled = false;
    });
  });

  loadCases().then(function () {
    var wanted = /^#case-([0-9a-f]{32})$/.exec(location.hash);
    if (!wanted) { return; }
    return fetch("/api/cases/" + wanted[1]).then(function (response) {
      if (response.ok) { return response.json().then(showCase); }
    });
  }).catch(function () {
    say("The saved cases could not be loaded.", true);
  });
})();
