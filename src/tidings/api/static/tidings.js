// Draws the page's chart from its JSON block; every stored string reaches the page as text.
"use strict";

const QUAD_COLOURS = { 1: "#4c9f70", 2: "#1f6f8b", 3: "#e0a43a", 4: "#c0392b" };

function articleHref(event) {
  return "/article/" + encodeURIComponent(event.article_id) + "#s" + event.sentence_index;
}

function timelineChart(chart, data) {
  const periods = data.items.map((item) => item.period);
  const bars = Object.keys(data.quads).map((quad) => ({
    name: quad + " " + data.quads[quad],
    type: "bar",
    stack: "events",
    itemStyle: { color: QUAD_COLOURS[quad] },
    data: data.items.map((item) => item.quad_class[quad]),
  }));
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 60 },
    dataZoom: [{ type: "slider" }],
    xAxis: { type: "category", data: periods },
    yAxis: [
      { type: "value", name: "events" },
      { type: "value", name: "Goldstein", min: -10, max: 10 },
    ],
    series: [
      ...bars,
      {
        name: "mean Goldstein",
        type: "line",
        yAxisIndex: 1,
        connectNulls: true,
        itemStyle: { color: "#333" },
        data: data.items.map((item) => item.goldstein),
      },
    ],
  });
}

function showEvent(event) {
  const panel = document.getElementById("picked");
  panel.querySelector(".sentence").textContent = event.sentence;
  panel.querySelector(".meta").textContent =
    (event.date || "no date") + " · " + (event.source_name || "?") + " → " +
    (event.target_name || "-") + " · " + event.cameo_code + " · " + event.factuality +
    " · rule " + event.rule;
  panel.querySelector(".open").href = articleHref(event);
  panel.hidden = false;
}

function dyadChart(chart, data) {
  const directions = [
    { name: data.a + " → " + data.b, colour: "#1f6f8b" },
    { name: data.b + " → " + data.a, colour: "#c0392b" },
  ];
  const series = directions.map((direction, index) => ({
    name: direction.name,
    type: "scatter",
    symbolSize: 12,
    itemStyle: { color: direction.colour },
    data: data.events
      .map((event, position) => ({ event, position }))
      .filter(({ event }) => event.date && goesFrom(event, index === 0 ? data.a : data.b))
      .map(({ event, position }) => ({ value: [event.date, event.goldstein ?? 0, position] })),
  }));
  chart.setOption({
    tooltip: {
      formatter: (point) => {
        const event = data.events[point.value[2]];
        return escapeHtml(event.date + " " + event.cameo_code + " " + (event.trigger || ""));
      },
    },
    legend: { top: 0 },
    grid: { left: 50, right: 30, top: 40, bottom: 40 },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: "Goldstein", min: -10, max: 10 },
    series,
  });
  chart.on("click", (point) => showEvent(data.events[point.value[2]]));
}

function matches(code, name, wanted) {
  const asCode = /^[A-Z]{3}[A-Z|]*$/.test(wanted);
  return asCode ? (code || "").startsWith(wanted) : (name || "").toLowerCase().includes(wanted.toLowerCase());
}

function goesFrom(event, actor) {
  return matches(event.source_code, event.source_name, actor);
}

function networkChart(chart, data) {
  const nodes = [{ name: data.actor, symbolSize: 40, itemStyle: { color: "#333" } }];
  const links = [];
  for (const other of data.counterparts) {
    const label = other.name + " [" + other.code + "]";
    nodes.push({ name: label, code: other.code, symbolSize: 12 + Math.sqrt(other.acts_on + other.acted_on_by) * 4 });
    if (other.acts_on) links.push({ source: data.actor, target: label, value: other.acts_on, lineStyle: { width: 1 + Math.log2(1 + other.acts_on), color: "#1f6f8b" } });
    if (other.acted_on_by) links.push({ source: label, target: data.actor, value: other.acted_on_by, lineStyle: { width: 1 + Math.log2(1 + other.acted_on_by), color: "#c0392b" } });
  }
  chart.setOption({
    tooltip: { formatter: (item) => escapeHtml(item.dataType === "edge" ? item.data.source + " → " + item.data.target + ": " + item.data.value : item.name) },
    series: [{
      type: "graph",
      layout: "force",
      roam: true,
      label: { show: true, position: "right" },
      edgeSymbol: ["none", "arrow"],
      force: { repulsion: 300, edgeLength: 120 },
      lineStyle: { curveness: 0.15 },
      data: nodes,
      links,
    }],
  });
  chart.on("click", (item) => {
    if (item.dataType === "node" && item.data.code) {
      window.location.href = "/actor?actor=" + encodeURIComponent(item.data.code);
    }
  });
}

function escapeHtml(text) {
  const holder = document.createElement("span");
  holder.textContent = text;
  return holder.innerHTML;
}

const CHARTS = { timeline: timelineChart, dyad: dyadChart, network: networkChart };

document.addEventListener("DOMContentLoaded", () => {
  const block = document.getElementById("chart-data");
  const element = document.getElementById("chart");
  if (!block || !element || typeof echarts === "undefined") return;
  const data = JSON.parse(block.textContent);
  const chart = echarts.init(element, null, { renderer: "svg" });
  // Ready once drawn and its animation done: only then are its points where they will stay.
  chart.on("finished", () => {
    element.dataset.ready = "true";
  });
  CHARTS[data.kind](chart, data);
  window.addEventListener("resize", () => chart.resize());
});
