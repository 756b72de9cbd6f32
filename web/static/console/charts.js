// Draws the statistics page's charts with ECharts (served from this app, never a CDN).
document.addEventListener("DOMContentLoaded", function () {
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  document.querySelectorAll("[data-chart]").forEach(function (node) {
    var series = data[node.dataset.chart] || {};
    var names = Object.keys(series);
    var chart = echarts.init(node);
    var option = names.length === 0
      ? { title: { text: "这段时间没有数据", left: "center", top: "middle",
                   textStyle: { fontSize: 16, color: "#616e7c" } } }
      : { tooltip: {}, grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
          xAxis: { type: "value" },
          yAxis: { type: "category", data: names.slice().reverse() },
          series: [{ type: "bar", data: names.map(function (n) { return series[n]; }).reverse(),
                     itemStyle: { color: "#0b7a5a" }, label: { show: true, position: "right" } }] };
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
    node.dataset.drawn = "1";
  });
});
