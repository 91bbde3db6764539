// The agenda builder's one script (src/workspace/pages/agenda*.tsx). Everything it does, the page
// also does without it: a toolbar that inserts markup into a section's textarea, a live preview
// rendered by the server (the same code as the public page), and moving items without a reload.
'use strict';

(function () {
  var SNIPPETS = [
    ['Tabel', '| Overskrift | Overskrift |\n| Celle | Celle |\n'],
    ['Liste', '- Punkt\n  - Underpunkt\n'],
    ['Link', '[tekst](https://)'],
    ['Bilag', './. Bilagets titel\n'],
  ];

  function insert(area, text) {
    var start = area.selectionStart, end = area.selectionEnd, value = area.value;
    var before = value.slice(0, start);
    var block = text.slice(-1) === '\n' && before !== '' && before.slice(-2) !== '\n\n' ? (before.slice(-1) === '\n' ? '\n' : '\n\n') + text : text;
    area.value = before + block + value.slice(end);
    area.selectionStart = area.selectionEnd = start + block.length;
    area.focus();
    area.dispatchEvent(new Event('input'));
  }

  function enhanceTextarea(area, previewUrl, csrf) {
    var bar = document.createElement('div');
    bar.className = 'markup-toolbar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Indsæt i teksten');
    bar.setAttribute('aria-controls', area.id);
    SNIPPETS.forEach(function (s) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'button button-tertiary button-small';
      b.textContent = s[0];
      b.addEventListener('click', function () { insert(area, s[1]); });
      bar.appendChild(b);
    });
    area.parentNode.insertBefore(bar, area);
    var preview = document.createElement('div');
    preview.className = 'markup-preview';
    preview.setAttribute('aria-live', 'polite');
    preview.setAttribute('aria-label', 'Forhåndsvisning');
    area.parentNode.appendChild(preview);
    var timer = null;
    function refresh() {
      var body = new URLSearchParams();
      body.set('csrf', csrf);
      body.set('tekst', area.value);
      fetch(previewUrl, { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (html) { preview.innerHTML = html; }) // the server's escaped rendering
        .catch(function () {});
    }
    area.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 300); });
    if (area.value.trim() !== '') refresh();
  }

  // Moving an item: post the form, then show the page the server answers with (its new revision too).
  function enhanceMoves() {
    document.querySelectorAll('form[data-builder-move]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        var button = event.submitter;
        if (button && button.value === 'delete' && !window.confirm('Slet punktet og dets underpunkter?')) { event.preventDefault(); return; }
        if (!button || !window.fetch || !window.DOMParser) return;
        event.preventDefault();
        // form.action would be the buttons named "action", hence getAttribute.
        var data = new FormData(form);
        data.set(button.name, button.value);
        fetch(form.getAttribute('action'), { method: 'POST', body: new URLSearchParams(data), credentials: 'same-origin' })
          .then(function (r) { return r.text().then(function (html) { return { url: r.url, html: html }; }); })
          .then(function (res) {
            var next = new DOMParser().parseFromString(res.html, 'text/html').getElementById('main-content');
            var main = document.getElementById('main-content');
            if (!next || !main) { window.location.href = res.url; return; }
            main.innerHTML = next.innerHTML;
            enhanceMoves();
            main.querySelector('#punkter-overskrift').focus();
          })
          .catch(function () { form.submit(); });
      });
    });
  }

  var itemForm = document.querySelector('form[data-preview-url]');
  if (itemForm) {
    var csrf = itemForm.querySelector('input[name="csrf"]').value;
    itemForm.querySelectorAll('textarea.markup-input').forEach(function (area) { enhanceTextarea(area, itemForm.getAttribute('data-preview-url'), csrf); });
  }
  enhanceMoves();
})();
