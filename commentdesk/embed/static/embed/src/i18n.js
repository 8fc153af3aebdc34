// i18n.js: the server sends the embed's words already in the site's language.

var strings = {};

function setStrings(translated) {
  strings = translated || {};
}

function t(key, values) {
  var text = strings[key] || key;
  Object.keys(values || {}).forEach(function (name) {
    text = text.split("%(" + name + ")s").join(values[name]);
  });
  return text;
}
