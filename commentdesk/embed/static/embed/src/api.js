// api.js: the desk's public API. No cookies either way (credentials: "omit").

function Api(base) {
  this.base = base;
}

Api.prototype.request = function (method, path, body, token) {
  var headers = { Accept: "application/json" };
  if (body) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = "Bearer " + token;
  return fetch(this.base + path, {
    method: method,
    headers: headers,
    body: body ? JSON.stringify(body) : undefined,
    credentials: "omit",
    mode: "cors"
  }).then(function (response) {
    return response.json().then(function (data) {
      return { ok: response.ok, status: response.status, data: data };
    });
  });
};

Api.prototype.comments = function (url, page, sort) {
  return this.request("GET", "/api/v1/comments/?url=" + encodeURIComponent(url) + "&page=" + page +
    "&sort=" + sort);
};

Api.prototype.post = function (fields) {
  return this.request("POST", "/api/v1/comments/", fields);
};

Api.prototype.status = function (id, token) {
  return this.request("GET", "/api/v1/comments/" + id + "/status/", null, token);
};

Api.prototype.report = function (id, fields) {
  return this.request("POST", "/api/v1/comments/" + id + "/reports/", fields);
};

Api.prototype.counts = function (urls) {
  var query = urls.map(function (url) { return "url=" + encodeURIComponent(url); }).join("&");
  return this.request("GET", "/api/v1/counts/?" + query);
};

// Scripts are served by the desk: its address is the script's own origin.
function deskOrigin(script) {
  return new URL(script.src).origin;
}
