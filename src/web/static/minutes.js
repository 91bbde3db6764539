// The minutes editor (src/workspace/minutes/page.tsx): a quick-phrase button puts its phrase into
// the item's decision field without a reload. Without this script the button submits the form and
// the server adds the phrase by the same rule (withPhrase in src/workspace/minutes.ts).
(function () {
  'use strict';
  function withPhrase(text, phrase) {
    var current = text.replace(/\s+$/, '');
    if (!current) return phrase;
    if (current.slice(-phrase.length) === phrase) return current;
    return current + ' ' + phrase;
  }
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-minutes-editor] button[data-phrase]') : null;
    if (!button) return;
    var field = document.getElementById(button.getAttribute('data-target') || '');
    if (!field) return;
    event.preventDefault();
    field.value = withPhrase(field.value, button.getAttribute('data-phrase') || '');
    field.focus();
    var status = document.getElementById('phrase-status');
    if (status) status.textContent = 'Indsat: ' + button.getAttribute('data-phrase');
  });
})();
