// count.js: approved-comment counts for a list of articles, in one request.
//
//   <a href="/story">Story <span data-commentdesk-count="https://news.example.org/story"></span></a>
//   <script src="https://DESK/count.js" async></script>

var countScript = document.currentScript;
var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-commentdesk-count]"));
var urls = nodes.map(function (node) { return node.getAttribute("data-commentdesk-count"); })
  .filter(function (url, i, all) { return url && all.indexOf(url) === i; }).slice(0, 100);

if (urls.length) {
  new Api(deskOrigin(countScript)).counts(urls).then(function (response) {
    if (!response.ok) return;
    nodes.forEach(function (node) {
      var count = response.data.counts[node.getAttribute("data-commentdesk-count")];
      if (count !== undefined) node.textContent = String(count);
    });
  });
}
