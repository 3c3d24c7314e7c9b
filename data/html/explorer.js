/* libkg map explorer: the script of the page kg-export --html writes (lib/export/html.cpp).
 *
 * Everything runs offline in this one file: no library, no network. The graph comes from the JSON in the
 * element #kg-data (of type application/json), written by write_html():
 *   format      1
 *   generator   "libkg X.Y.Z"
 *   total       {"nodes", "edges"}  of the graph given to write_html
 *   shown       {"nodes", "edges"}  on this page (fewer when the graph was cut to `limit` entities)
 *   limit       most entities a page holds (0: no limit)
 *   show_negated 1: draw the relations only denied from the start (the switch "relations only denied")
 *   types       [[name, colour]]                       all entity types, in kg::EntityType order
 *   predicates  [[name, symmetric 0|1, meaning]]       the predicates of the edges, bytewise order
 *   documents   [[id, title, date, publisher, url]]    the documents the evidence cites ("" when unknown)
 *   nodes       [[id, label, type, [alias], frequency]]             type indexes `types`
 *   edges       [[source, target, predicate, weight, confidence, [[document, sentence, modality, flags]]]]
 *               source/target index `nodes`, predicate `predicates`, document `documents`;
 *               flags: 1 negated, 2 former
 * All text is data: it reaches the page through textContent and canvas fillText only, never as markup, and
 * a link is made only of an http(s) url.
 *
 * The layout is computed once, when the page loads: a force simulation (springs on relations, Barnes-Hut
 * repulsion, a pull to the centre) run for a fixed number of steps from fixed starting places, so the same
 * file always gives the same picture. Filters hide and show; they never move anything.
 *
 * Test hook: the fragment #select=ID (a node id), #edge=ID (an edge id) or #search=TEXT (&-joined) does
 * what a click or typing would, so `chromium --headless --dump-dom` shows it. The body element carries
 * data-status ("ready" or "error"), data-errors (uncaught errors so far), data-nodes, data-edges,
 * data-visible-nodes, data-visible-edges, data-drawn-nodes, data-labels, data-layout-ms and data-ready-ms
 * (performance.now() when the first complete layout was drawn, counted from navigation start).
 */
(function () {
  'use strict';

  var body = document.body;
  var errorCount = 0;
  function noteError() {
    errorCount++;
    body.setAttribute('data-errors', String(errorCount));
  }
  body.setAttribute('data-errors', '0');
  window.addEventListener('error', noteError);
  window.addEventListener('unhandledrejection', noteError);

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v) {  // weights are counts: print 2, not 2.0; confidences to two places
    return Math.round(v) === v ? String(v) : v.toFixed(2);
  }
  function plural(n, one, many) { return n.toLocaleString('en-US') + ' ' + (n === 1 ? one : many); }

  // ---- data --------------------------------------------------------------------------------------------
  var data = JSON.parse($('kg-data').textContent);
  var types = data.types, preds = data.predicates, docs = data.documents;
  var N = data.nodes.length, M = data.edges.length;

  var nodeId = new Array(N), label = new Array(N), aliases = new Array(N), freq = new Float64Array(N);
  var ntype = new Uint8Array(N), deg = new Int32Array(N), byId = new Map();
  for (var i = 0; i < N; i++) {
    var nd = data.nodes[i];
    nodeId[i] = nd[0]; label[i] = nd[1]; ntype[i] = nd[2]; aliases[i] = nd[3]; freq[i] = nd[4];
    byId.set(nd[0], i);
  }
  // Edge style: 0 asserted (some evidence states it now), 1 hedged (only with a modality), 2 former (it held
  // but has ended), 3 denied (every sentence negates it). An edge without evidence (a foreign file) is 0.
  var es = new Int32Array(M), et = new Int32Array(M), ep = new Int32Array(M);
  var ew = new Float64Array(M), ec = new Float64Array(M), estyle = new Uint8Array(M), edgeById = new Map();
  var maxWeight = 0, integralWeights = true;
  for (var e = 0; e < M; e++) {
    var ed = data.edges[e];
    es[e] = ed[0]; et[e] = ed[1]; ep[e] = ed[2]; ew[e] = ed[3]; ec[e] = ed[4];
    deg[ed[0]]++; deg[ed[1]]++;
    if (ed[3] > maxWeight) maxWeight = ed[3];
    if (Math.round(ed[3]) !== ed[3]) integralWeights = false;
    var asserted = false, hedged = false, former = false, evs = ed[5];
    for (var k = 0; k < evs.length; k++) {
      var flags = evs[k][3];
      if (flags & 1) continue;
      if (flags & 2) former = true;
      else if (evs[k][2]) hedged = true;
      else asserted = true;
    }
    estyle[e] = evs.length === 0 || asserted ? 0 : hedged ? 1 : former ? 2 : 3;
    edgeById.set(edgeIdOf(e), e);
  }
  function edgeIdOf(e) { return nodeId[es[e]] + '--' + preds[ep[e]][0] + '--' + nodeId[et[e]]; }

  // Incident edges of each node (CSR).
  var adjStart = new Int32Array(N + 1), adj = new Int32Array(2 * M);
  for (i = 0; i < N; i++) adjStart[i + 1] = adjStart[i] + deg[i];
  var fill = adjStart.slice(0, N);
  for (e = 0; e < M; e++) { adj[fill[es[e]]++] = e; adj[fill[et[e]]++] = e; }

  // Nodes by degree, highest first (ties: page order): placement, labels and the index list use it.
  var byDegree = new Int32Array(N);
  for (i = 0; i < N; i++) byDegree[i] = i;
  byDegree.sort(function (a, b) { return deg[b] - deg[a] || a - b; });

  var radius = new Float64Array(N);
  for (i = 0; i < N; i++) radius[i] = 3.5 + 2.2 * Math.sqrt(deg[i]);

  // ---- layout ------------------------------------------------------------------------------------------
  var px = new Float64Array(N), py = new Float64Array(N);

  function layout() {
    var vx = new Float64Array(N), vy = new Float64Array(N);
    var seed = 0x6b67;  // jiggles coincident points; fixed so every run gives the same picture
    function random() {
      seed = (seed + 0x6D2B79F5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    function jiggle() { return (random() - 0.5) * 1e-6; }

    // Start on a sunflower spiral, best-connected first, so hubs begin in the middle.
    var golden = Math.PI * (3 - Math.sqrt(5));
    for (var r = 0; r < N; r++) {
      var n = byDegree[r], rad = 10 * Math.sqrt(0.5 + r), a = r * golden;
      px[n] = rad * Math.cos(a); py[n] = rad * Math.sin(a);
    }

    // One spring per linked pair, however many predicates link it.
    var seen = new Set(), ls = [], lt = [], links = new Int32Array(N);
    for (var e = 0; e < M; e++) {
      var s = es[e], t = et[e];
      if (s === t) continue;
      var key = s < t ? s * N + t : t * N + s;
      if (seen.has(key)) continue;
      seen.add(key); ls.push(s); lt.push(t); links[s]++; links[t]++;
    }
    var L = ls.length, bias = new Float64Array(L), lstr = new Float64Array(L), ldist = new Float64Array(L);
    for (var l = 0; l < L; l++) {
      bias[l] = links[ls[l]] / (links[ls[l]] + links[lt[l]]);
      lstr[l] = 1 / Math.min(links[ls[l]], links[lt[l]]);
      ldist[l] = 30 + radius[ls[l]] + radius[lt[l]];
    }
    var charge = new Float64Array(N);
    for (var c = 0; c < N; c++) charge[c] = -30 - 8 * radius[c];

    // Barnes-Hut quadtree in flat arrays, rebuilt every step. A cell is an empty leaf (point -1), a leaf
    // holding a chain of points (point >= 0, chained through `next`), or an inner cell (point -2). `body`
    // holds per cell its centre of charge, its charge and the squared distance beyond which it acts as one
    // body (size² / θ²), side by side for the traversal's sake.
    var theta2 = 1.44, distMin2 = 1;  // θ = 1.2; the first half of the steps, while alpha is high, takes θ = 2
    var cap = 0, cells = 0, child = null, point = null, cx0 = null, cy0 = null, csize = null, cells4 = null;
    var next = new Int32Array(N);
    function grow() {
      var ncap = Math.max(cap * 2, 64);
      function g(A, old, k) { var b = new A(ncap * k); if (old) b.set(old); return b; }
      child = g(Int32Array, child, 4); point = g(Int32Array, point, 1);
      cx0 = g(Float64Array, cx0, 1); cy0 = g(Float64Array, cy0, 1); csize = g(Float64Array, csize, 1);
      cells4 = g(Float64Array, cells4, 4);
      cap = ncap;
    }
    function cell(x0, y0, size) {
      if (cells === cap) grow();
      var q = cells++;
      child[4 * q] = child[4 * q + 1] = child[4 * q + 2] = child[4 * q + 3] = -1;
      point[q] = -1; cx0[q] = x0; cy0[q] = y0; csize[q] = size;
      return q;
    }
    function quadrant(q, n) {
      var h = csize[q] / 2;
      return (px[n] >= cx0[q] + h ? 1 : 0) + (py[n] >= cy0[q] + h ? 2 : 0);
    }
    function childCell(q, quad) {
      var h = csize[q] / 2;
      var c = cell(cx0[q] + (quad & 1 ? h : 0), cy0[q] + (quad & 2 ? h : 0), h);
      child[4 * q + quad] = c;
      return c;
    }
    function insert(n) {
      var q = 0;
      for (var depth = 0; ; depth++) {
        var p = point[q];
        if (p === -1) { point[q] = n; next[n] = -1; return; }
        if (p >= 0) {
          // Same place, or cells too small to tell apart: chain in this leaf.
          if ((px[p] === px[n] && py[p] === py[n]) || depth > 40) { next[n] = p; point[q] = n; return; }
          point[q] = -2;
          point[childCell(q, quadrant(q, p))] = p;
        }
        var quad = quadrant(q, n), c = child[4 * q + quad];
        if (c === -1) { point[childCell(q, quad)] = n; next[n] = -1; return; }
        q = c;
      }
    }
    function buildTree() {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (var n = 0; n < N; n++) {
        if (px[n] < x0) x0 = px[n];
        if (px[n] > x1) x1 = px[n];
        if (py[n] < y0) y0 = py[n];
        if (py[n] > y1) y1 = py[n];
      }
      cells = 0;
      cell(x0, y0, Math.max(x1 - x0, y1 - y0) + 1);
      for (n = 0; n < N; n++) insert(n);
      // Children are made after their parents, so a backward pass sums every cell after its children.
      for (var q = cells - 1; q >= 0; q--) {
        var v = 0, wx = 0, wy = 0, w = 0, p = point[q];
        if (p >= 0) {
          for (; p !== -1; p = next[p]) {
            v += charge[p]; w -= charge[p]; wx -= charge[p] * px[p]; wy -= charge[p] * py[p];
          }
        } else if (p === -2) {
          for (var k = 0; k < 4; k++) {
            var c = child[4 * q + k];
            if (c === -1) continue;
            var cw = Math.abs(cells4[4 * c + 2]);
            v += cells4[4 * c + 2]; w += cw; wx += cw * cells4[4 * c]; wy += cw * cells4[4 * c + 1];
          }
        }
        cells4[4 * q] = w ? wx / w : 0;
        cells4[4 * q + 1] = w ? wy / w : 0;
        cells4[4 * q + 2] = v;
        cells4[4 * q + 3] = csize[q] * csize[q] / theta2;
      }
    }
    var stack = new Int32Array(1024), fxs = new Float64Array(N), fys = new Float64Array(N);
    // Big graphs compute the repulsion every other step and reuse it in between: it changes slowly, and
    // it is nearly all of the layout's time.
    function repel(alpha, fresh) {
      var FX = fxs, FY = fys, VX = vx, VY = vy;
      if (!fresh) {
        for (var m = 0; m < N; m++) { VX[m] += FX[m] * alpha; VY[m] += FY[m] * alpha; }
        return;
      }
      buildTree();
      // Locals, not the closure's variables, in the hot loop: V8 reads them from registers.
      var B = cells4, P = point, C = child, X = px, Y = py, Q = charge, NEXT = next, S = stack;
      for (var n = 0; n < N; n++) {
        var xn = X[n], yn = Y[n], fx = 0, fy = 0, sp = 0;
        S[sp++] = 0;
        while (sp > 0) {
          var q = S[--sp], b = 4 * q, v = B[b + 2];
          if (v === 0) continue;
          var dx = B[b] - xn, dy = B[b + 1] - yn, d2 = dx * dx + dy * dy;
          if (B[b + 3] < d2) {  // far enough: the cell acts as one body
            if (d2 < distMin2) d2 = Math.sqrt(distMin2 * d2);
            fx += dx * v / d2; fy += dy * v / d2;
            continue;
          }
          var p = P[q];
          if (p === -2) {
            if (sp + 4 > S.length) { var bigger = new Int32Array(S.length * 2); bigger.set(S); S = stack = bigger; }
            var c = C[b];
            if (c !== -1) S[sp++] = c;
            if ((c = C[b + 1]) !== -1) S[sp++] = c;
            if ((c = C[b + 2]) !== -1) S[sp++] = c;
            if ((c = C[b + 3]) !== -1) S[sp++] = c;
            continue;
          }
          for (; p !== -1; p = NEXT[p]) {
            if (p === n) continue;
            dx = X[p] - xn; dy = Y[p] - yn; d2 = dx * dx + dy * dy;
            if (d2 === 0) { dx = jiggle(); dy = jiggle(); d2 = dx * dx + dy * dy; }
            if (d2 < distMin2) d2 = Math.sqrt(distMin2 * d2);
            fx += dx * Q[p] / d2; fy += dy * Q[p] / d2;
          }
        }
        FX[n] = fx; FY[n] = fy;
        VX[n] += fx * alpha; VY[n] += fy * alpha;
      }
    }
    function pull(alpha) {
      for (var l = 0; l < L; l++) {
        var s = ls[l], t = lt[l];
        var dx = px[t] + vx[t] - px[s] - vx[s] || jiggle(), dy = py[t] + vy[t] - py[s] - vy[s] || jiggle();
        var d = Math.sqrt(dx * dx + dy * dy);
        d = (d - ldist[l]) / d * alpha * lstr[l];
        dx *= d; dy *= d;
        vx[t] -= dx * bias[l]; vy[t] -= dy * bias[l];
        vx[s] += dx * (1 - bias[l]); vy[s] += dy * (1 - bias[l]);
      }
    }
    // Fewer steps for big graphs keep the first picture within a few seconds; they settle less finely.
    var steps = N <= 1500 ? 300 : N <= 3000 ? 200 : 140, every = N <= 1500 ? 1 : 2;
    var alpha = 1, alphaMin = 0.001, decay = 1 - Math.pow(alphaMin, 1 / steps);
    var centre = N > 1 ? 0.06 : 0;
    for (var step = 0; step < steps && N > 0; step++) {
      alpha += (0 - alpha) * decay;
      theta2 = step < steps / 2 && N > 1500 ? 4 : 1.44;
      pull(alpha);
      repel(alpha, step % every === 0);
      for (n = 0; n < N; n++) {
        vx[n] -= px[n] * centre * alpha; vy[n] -= py[n] * centre * alpha;
        px[n] += (vx[n] *= 0.6); py[n] += (vy[n] *= 0.6);
      }
    }
  }

  // ---- view and filters --------------------------------------------------------------------------------
  var canvas = $('canvas'), ctx = canvas.getContext('2d'), mapBox = $('map');
  var dpr = 1, width = 1, height = 1;
  var zoom = 1, panX = 0, panY = 0;
  var sx = new Float64Array(N), sy = new Float64Array(N), sr = new Float64Array(N);
  var typeOn = new Uint8Array(types.length).fill(1), predOn = new Uint8Array(preds.length).fill(1);
  var minWeight = 0, minConf = 0, showDenied = data.show_negated === 1;
  var edgeVisible = new Uint8Array(M), nodeVisible = new Uint8Array(N), visibleDeg = new Int32Array(N);
  var visibleNodes = 0, visibleEdges = 0;
  var selNode = -1, selEdges = [], hoverNode = -1, hoverEdge = -1;
  var labelWidth = new Float64Array(N).fill(-1);
  var LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

  function applyFilters() {
    var edgeFilter = minWeight > 0 || minConf > 0 || !showDenied;
    for (var p = 0; p < preds.length && !edgeFilter; p++) if (!predOn[p]) edgeFilter = true;
    visibleDeg.fill(0);
    visibleEdges = 0;
    for (var e = 0; e < M; e++) {
      var on = typeOn[ntype[es[e]]] && typeOn[ntype[et[e]]] && predOn[ep[e]] && ew[e] >= minWeight &&
               ec[e] >= minConf && (showDenied || estyle[e] !== 3);
      edgeVisible[e] = on ? 1 : 0;
      if (on) { visibleDeg[es[e]]++; visibleDeg[et[e]]++; visibleEdges++; }
    }
    // As kg-export's views do: entities left without a relation by an edge filter go; the others stay.
    visibleNodes = 0;
    for (var n = 0; n < N; n++) {
      var vis = typeOn[ntype[n]] && (!edgeFilter || deg[n] === 0 || visibleDeg[n] > 0);
      nodeVisible[n] = vis ? 1 : 0;
      if (vis) visibleNodes++;
    }
    body.setAttribute('data-visible-nodes', String(visibleNodes));
    body.setAttribute('data-visible-edges', String(visibleEdges));
    showStats();
  }

  function resize() {
    var box = mapBox.getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    width = Math.max(1, Math.floor(box.width)); height = Math.max(1, Math.floor(box.height));
    canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
  }

  function fitView() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (var n = 0; n < N; n++) {
      x0 = Math.min(x0, px[n] - radius[n]); x1 = Math.max(x1, px[n] + radius[n]);
      y0 = Math.min(y0, py[n] - radius[n]); y1 = Math.max(y1, py[n] + radius[n]);
    }
    if (N === 0) { x0 = y0 = -1; x1 = y1 = 1; }
    // Room on the right for the labels of the outermost entities.
    var left = Math.min(60, width / 10), right = Math.min(140, width / 5), vertical = 24;
    zoom = Math.min((width - left - right) / Math.max(x1 - x0, 1), (height - 2 * vertical) / Math.max(y1 - y0, 1), 2.5);
    if (!(zoom > 0)) zoom = 1;
    panX = left + (width - left - right) / 2 - zoom * (x0 + x1) / 2;
    panY = height / 2 - zoom * (y0 + y1) / 2;
  }

  function centreOn(n) {
    if (zoom < 0.8) zoom = 0.8;
    panX = width / 2 - zoom * px[n];
    panY = height / 2 - zoom * py[n];
  }

  // ---- drawing -----------------------------------------------------------------------------------------
  var drawPending = false;
  function redraw() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(function () { drawPending = false; draw(); });
  }

  var EDGE_STYLES = [
    { colour: 'rgba(87, 96, 106, 0.55)', dash: [] },
    { colour: 'rgba(87, 96, 106, 0.55)', dash: [6, 4] },
    { colour: 'rgba(150, 160, 170, 0.55)', dash: [] },
    { colour: 'rgba(150, 160, 170, 0.4)', dash: [1.5, 3.5] }
  ];

  function isSelectedEdge(e) { return selEdges.indexOf(e) >= 0; }

  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    var scale = Math.min(2, Math.max(0.3, Math.sqrt(zoom)));
    for (var n = 0; n < N; n++) {
      sx[n] = px[n] * zoom + panX; sy[n] = py[n] * zoom + panY;
      sr[n] = Math.max(1.5, radius[n] * scale);
    }
    var focus = selNode >= 0 || selEdges.length > 0;
    var near = focusSet();
    var arrows = visibleEdges <= 3000;

    // Edges: one path per style (dimmed when something is selected), then the highlighted ones on top.
    ctx.lineWidth = 1;
    for (var st = 0; st < 4; st++) {
      var style = EDGE_STYLES[st];
      ctx.strokeStyle = style.colour;
      ctx.setLineDash(style.dash);
      ctx.globalAlpha = focus ? 0.25 : 1;
      ctx.beginPath();
      var arrowPath = arrows ? new Path2D() : null;
      for (var e = 0; e < M; e++) {
        if (!edgeVisible[e] || estyle[e] !== st || !onScreenEdge(e)) continue;
        if (focus && highlighted(e)) continue;
        ctx.moveTo(sx[es[e]], sy[es[e]]);
        ctx.lineTo(sx[et[e]], sy[et[e]]);
        if (arrowPath) arrowTo(arrowPath, e, 4);
      }
      ctx.stroke();
      if (arrowPath) { ctx.fillStyle = style.colour; ctx.fill(arrowPath); }
    }
    if (focus || hoverEdge >= 0) {
      ctx.globalAlpha = 1;
      ctx.lineWidth = 2;
      for (e = 0; e < M; e++) {
        if (!(edgeVisible[e] || isSelectedEdge(e)) || !(highlighted(e) || e === hoverEdge)) continue;
        ctx.setLineDash(EDGE_STYLES[estyle[e]].dash.map(function (v) { return v * 1.5; }));
        ctx.strokeStyle = estyle[e] >= 2 ? '#8c959f' : '#24292f';
        ctx.beginPath();
        ctx.moveTo(sx[es[e]], sy[es[e]]);
        ctx.lineTo(sx[et[e]], sy[et[e]]);
        ctx.stroke();
        var head = new Path2D();
        arrowTo(head, e, 6);
        ctx.fillStyle = ctx.strokeStyle;
        ctx.fill(head);
      }
    }
    ctx.setLineDash([]);

    // Nodes: one path per type.
    var drawn = 0;
    for (var t = 0; t < types.length; t++) {
      for (var pass = 0; pass < 2; pass++) {  // pass 0: dimmed, pass 1: in focus
        if (pass === 0 && !focus) continue;
        ctx.globalAlpha = pass === 0 ? 0.18 : 1;
        ctx.beginPath();
        var any = false;
        for (n = 0; n < N; n++) {
          if (ntype[n] !== t || !(nodeVisible[n] || n === selNode) || !onScreen(n)) continue;
          if (focus && (near.has(n) ? 0 : 1) === pass) continue;
          ctx.moveTo(sx[n] + sr[n], sy[n]);
          ctx.arc(sx[n], sy[n], sr[n], 0, 2 * Math.PI);
          any = true;
          drawn++;
        }
        if (!any) continue;
        ctx.fillStyle = types[t][1];
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = '#ffffff';
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    [selNode, hoverNode].forEach(function (n, k) {
      if (n < 0) return;
      ctx.beginPath();
      ctx.arc(sx[n], sy[n], sr[n] + 2.5, 0, 2 * Math.PI);
      ctx.lineWidth = k === 0 ? 2.5 : 1.5;
      ctx.strokeStyle = '#1f2328';
      ctx.stroke();
    });
    var labels = drawLabels(focus, near);
    body.setAttribute('data-labels', String(labels));
    body.setAttribute('data-drawn-nodes', String(drawn));
  }

  function onScreen(n) {
    return sx[n] + sr[n] >= 0 && sx[n] - sr[n] <= width && sy[n] + sr[n] >= 0 && sy[n] - sr[n] <= height;
  }
  function onScreenEdge(e) {
    var a = es[e], b = et[e];
    return !((sx[a] < 0 && sx[b] < 0) || (sx[a] > width && sx[b] > width) ||
             (sy[a] < 0 && sy[b] < 0) || (sy[a] > height && sy[b] > height));
  }
  function highlighted(e) {
    return isSelectedEdge(e) || (selNode >= 0 && (es[e] === selNode || et[e] === selNode));
  }
  // The nodes drawn in full while something is selected: the selection and its neighbours.
  function focusSet() {
    var s = new Set();
    if (selNode >= 0) {
      s.add(selNode);
      for (var k = adjStart[selNode]; k < adjStart[selNode + 1]; k++) {
        var e = adj[k];
        if (edgeVisible[e]) { s.add(es[e]); s.add(et[e]); }
      }
    }
    selEdges.forEach(function (e) { s.add(es[e]); s.add(et[e]); });
    return s;
  }
  function arrowTo(path, e, size) {
    if (preds[ep[e]][1]) return;  // symmetric: no direction
    var a = es[e], b = et[e], dx = sx[b] - sx[a], dy = sy[b] - sy[a], d = Math.sqrt(dx * dx + dy * dy);
    if (d < sr[b] + 3 * size) return;
    var ux = dx / d, uy = dy / d, tipX = sx[b] - ux * sr[b], tipY = sy[b] - uy * sr[b];
    path.moveTo(tipX, tipY);
    path.lineTo(tipX - ux * size * 2 - uy * size, tipY - uy * size * 2 + ux * size);
    path.lineTo(tipX - ux * size * 2 + uy * size, tipY - uy * size * 2 - ux * size);
    path.closePath();
  }

  // Labels that never overlap: candidates in priority order (selection, hover, neighbours, then by degree),
  // each placed only where no placed label is; a grid of buckets keeps the test cheap.
  function drawLabels(focus, near) {
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    var cellSize = 64, grid = new Map(), nodeGrid = new Map(), placed = 0, tried = 0;
    var order = [];
    if (selNode >= 0) order.push(selNode);
    if (hoverNode >= 0) order.push(hoverNode);
    selEdges.forEach(function (e) { order.push(es[e], et[e]); });
    if (focus) near.forEach(function (n) { order.push(n); });
    var minRadius = N <= 150 ? 0 : 5.5;
    for (var r = 0; r < N && tried < 600; r++) {
      var n = byDegree[r];
      if (!nodeVisible[n] || !onScreen(n) || sr[n] < minRadius) continue;
      if (focus && !near.has(n)) continue;
      order.push(n);
      tried++;
    }
    // On a small page the entities are obstacles too, so that no label hides one, except for the labels that
    // matter most (the selection, what the pointer is on, the five best-connected), which must show.
    if (visibleNodes <= 1500)
      for (var m = 0; m < N; m++)
        if (nodeVisible[m] && onScreen(m))
          addBox(nodeGrid, [sx[m] - sr[m], sy[m] - sr[m], sx[m] + sr[m], sy[m] + sr[m]], cellSize);
    var done = new Set();
    for (var k = 0; k < order.length && placed < 250; k++) {
      n = order[k];
      if (done.has(n) || !(nodeVisible[n] || n === selNode) || !onScreen(n)) continue;
      done.add(n);
      if (labelWidth[n] < 0) labelWidth[n] = ctx.measureText(label[n]).width;
      var w = Math.min(labelWidth[n], 220), box = null;
      // Right of the node, else left, below, above; the selection's label goes right whatever it covers.
      var important = n === selNode || n === hoverNode || placed < 5;
      for (var at = 0; at < 4 && !box; at++) {
        var x = at === 0 ? sx[n] + sr[n] + 3 : at === 1 ? sx[n] - sr[n] - 3 - w : sx[n] - w / 2;
        var y = at < 2 ? sy[n] : at === 2 ? sy[n] + sr[n] + 9 : sy[n] - sr[n] - 9;
        var b = [x - 2, y - 8, x + w + 2, y + 8];
        var inside = b[0] >= 0 && b[2] <= width && b[1] >= 0 && b[3] <= height;
        if ((at === 0 && n === selNode) ||
            (inside && !collides(grid, b, cellSize) && (important || !collides(nodeGrid, b, cellSize))))
          box = b;
      }
      if (!box) continue;
      addBox(grid, box, cellSize);
      x = box[0] + 2; y = box[1] + 8;
      var text = labelWidth[n] > 220 ? clip(label[n], 220) : label[n];
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(246, 247, 249, 0.9)';
      ctx.strokeText(text, x, y);
      ctx.fillStyle = '#1f2328';
      ctx.fillText(text, x, y);
      placed++;
    }
    return placed;
  }
  function clip(text, maxWidth) {
    var lo = 0, hi = text.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(text.slice(0, mid) + '…').width <= maxWidth) lo = mid; else hi = mid - 1;
    }
    return text.slice(0, lo) + '…';
  }
  function eachCell(box, size, f) {
    for (var gx = Math.floor(box[0] / size); gx <= Math.floor(box[2] / size); gx++)
      for (var gy = Math.floor(box[1] / size); gy <= Math.floor(box[3] / size); gy++)
        if (f(gx + ',' + gy)) return true;
    return false;
  }
  function collides(grid, box, size) {
    return eachCell(box, size, function (key) {
      var list = grid.get(key);
      if (!list) return false;
      for (var i = 0; i < list.length; i++) {
        var b = list[i];
        if (box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]) return true;
      }
      return false;
    });
  }
  function addBox(grid, box, size) {
    eachCell(box, size, function (key) {
      var list = grid.get(key);
      if (!list) grid.set(key, list = []);
      list.push(box);
      return false;
    });
  }

  // ---- picking -----------------------------------------------------------------------------------------
  function nodeAt(x, y) {
    var best = -1, bestD = Infinity;
    for (var n = 0; n < N; n++) {
      if (!(nodeVisible[n] || n === selNode)) continue;
      var dx = sx[n] - x, dy = sy[n] - y, d = dx * dx + dy * dy, r = sr[n] + 3;
      if (d <= r * r && d < bestD) { best = n; bestD = d; }
    }
    return best;
  }
  // The visible edges within 4 px of (x, y) between the same two entities as the nearest one.
  function edgesAt(x, y) {
    var best = -1, bestD = 16;
    for (var e = 0; e < M; e++) {
      if (!edgeVisible[e]) continue;
      var d = segmentDistance2(x, y, sx[es[e]], sy[es[e]], sx[et[e]], sy[et[e]]);
      if (d < bestD) { best = e; bestD = d; }
    }
    return best < 0 ? [] : edgesBetween(best, true);
  }
  // The edges linking the two entities of edge `e` (either way), `e` first; visible ones only if asked.
  function edgesBetween(e, visibleOnly) {
    var out = [e], a = es[e], b = et[e];
    for (var k = adjStart[a]; k < adjStart[a + 1]; k++) {
      var f = adj[k];
      if (f === e || out.indexOf(f) >= 0 || (visibleOnly && !edgeVisible[f])) continue;
      if ((es[f] === a && et[f] === b) || (es[f] === b && et[f] === a)) out.push(f);
    }
    return out;
  }
  function segmentDistance2(x, y, x1, y1, x2, y2) {
    var dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy, t = 0;
    if (len2 > 0) t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2));
    var qx = x1 + t * dx - x, qy = y1 + t * dy - y;
    return qx * qx + qy * qy;
  }

  // ---- panels ------------------------------------------------------------------------------------------
  var details = $('details');

  function swatch(t) {
    var s = el('span', 'swatch');
    s.style.background = types[t][1];
    return s;
  }
  function nodeButton(n, withType) {
    var b = el('button', 'node-link');
    b.type = 'button';
    b.setAttribute('data-id', nodeId[n]);
    if (withType) b.appendChild(swatch(ntype[n]));
    b.appendChild(document.createTextNode(label[n]));
    return b;
  }
  function safeUrl(url) { return /^https?:\/\//i.test(url) ? url : ''; }

  function statusOf(ev) {
    var flags = ev[3], out = [];
    if (flags & 1) out.push(['negated', 'negated']);
    else if (ev[2]) out.push(['hedged', 'hedged: ' + ev[2]]);
    else out.push(['asserted', 'asserted']);
    if (flags & 2) out.push(['former', 'former']);
    return out;
  }

  function evidenceList(e) {
    var ol = el('ol', 'evidence'), evs = data.edges[e][5];
    for (var k = 0; k < evs.length; k++) {
      var ev = evs[k], status = statusOf(ev), li = el('li', 'ev ' + status[0][0]);
      li.appendChild(el('q', null, ev[1]));
      var src = el('div', 'src');
      status.forEach(function (s) {
        src.appendChild(el('span', 'status ' + s[0], s[1]));
        src.appendChild(document.createTextNode(' '));
      });
      var d = docs[ev[0]], url = safeUrl(d[4]);
      if (d[1]) {
        var title = url ? el('a', null, d[1]) : el('span', 'doc-title', d[1]);
        if (url) { title.href = url; title.target = '_blank'; title.rel = 'noopener noreferrer'; }
        src.appendChild(title);
        src.appendChild(document.createTextNode(' · '));
      }
      if (d[2]) src.appendChild(document.createTextNode(d[2] + ' · '));
      if (d[3]) src.appendChild(document.createTextNode(d[3] + ' · '));
      if (url && !d[1]) {
        var a = el('a', null, url);
        a.href = url; a.target = '_blank'; a.rel = 'noopener noreferrer';
        src.appendChild(a);
        src.appendChild(document.createTextNode(' · '));
      } else if (!url && d[4]) {
        src.appendChild(document.createTextNode(d[4] + ' · '));
      }
      src.appendChild(el('span', 'doc-id', 'doc ' + d[0]));
      li.appendChild(src);
      ol.appendChild(li);
    }
    return ol;
  }

  function relationSummary(e) {
    var parts = ['weight ' + fmt(ew[e]), 'confidence ' + ec[e].toFixed(2)];
    return ' (' + parts.join(', ') + ')';
  }

  function showNode(n) {
    details.textContent = '';
    details.setAttribute('data-selected', nodeId[n]);
    var h = el('h2', 'title');
    h.appendChild(swatch(ntype[n]));
    h.appendChild(document.createTextNode(label[n]));
    details.appendChild(h);
    details.appendChild(el('p', 'meta', types[ntype[n]][0] + ' · ' + plural(deg[n], 'relation', 'relations') + ' · ' +
                                        plural(freq[n], 'mention', 'mentions') + ' · id ' + nodeId[n]));
    if (aliases[n].length) details.appendChild(el('p', 'aliases', 'Also: ' + aliases[n].join('; ')));
    // Relations grouped by predicate (bytewise, as the filter list), outgoing before incoming, heaviest first.
    var groups = new Map();
    for (var k = adjStart[n]; k < adjStart[n + 1]; k++) {
      var e = adj[k];
      if (k > adjStart[n] && adj[k - 1] === e) continue;  // a self-loop is listed twice
      if (!groups.has(ep[e])) groups.set(ep[e], []);
      groups.get(ep[e]).push(e);
    }
    var keys = Array.from(groups.keys()).sort(function (a, b) { return a - b; });
    if (!keys.length) details.appendChild(el('p', 'muted', 'No relation on this page.'));
    keys.forEach(function (p) {
      var list = groups.get(p);
      list.sort(function (a, b) { return (es[a] === n ? 0 : 1) - (es[b] === n ? 0 : 1) || ew[b] - ew[a] || a - b; });
      var sec = el('section', 'pred');
      sec.setAttribute('data-predicate', preds[p][0]);
      var h3 = el('h3', null, preds[p][0]);
      h3.appendChild(el('span', 'muted', ' (' + list.length + ')'));
      if (preds[p][2]) h3.title = preds[p][2];
      sec.appendChild(h3);
      list.forEach(function (e) {
        var rel = el('div', 'rel');
        rel.setAttribute('data-edge', edgeIdOf(e));
        var head = el('div', 'rel-head');
        var other = es[e] === n ? et[e] : es[e];
        head.appendChild(document.createTextNode(preds[p][1] ? '↔ ' : es[e] === n ? '→ ' : '← '));
        head.appendChild(nodeButton(other, true));
        head.appendChild(el('span', 'muted', relationSummary(e) + (edgeVisible[e] ? '' : ' · hidden by the filters')));
        rel.appendChild(head);
        rel.appendChild(evidenceList(e));
        sec.appendChild(rel);
      });
      details.appendChild(sec);
    });
  }

  function showEdges(list) {
    details.textContent = '';
    details.setAttribute('data-selected', list.map(edgeIdOf).join(' '));
    var a = es[list[0]], b = et[list[0]];
    var h = el('h2', 'title');
    h.appendChild(nodeButton(a, true));
    h.appendChild(document.createTextNode(' — '));
    h.appendChild(nodeButton(b, true));
    details.appendChild(h);
    details.appendChild(el('p', 'meta', plural(list.length, 'relation', 'relations') + ' between them'));
    list.forEach(function (e) {
      var sec = el('section', 'pred rel');
      sec.setAttribute('data-edge', edgeIdOf(e));
      sec.setAttribute('data-predicate', preds[ep[e]][0]);
      var h3 = el('h3', null, label[es[e]] + ' ' + preds[ep[e]][0] + ' ' + label[et[e]]);
      if (preds[ep[e]][2]) h3.title = preds[ep[e]][2];
      sec.appendChild(h3);
      sec.appendChild(el('div', 'muted', relationSummary(e).slice(2, -1)));
      sec.appendChild(evidenceList(e));
      details.appendChild(sec);
    });
  }

  function showHint(text) {
    details.textContent = '';
    details.removeAttribute('data-selected');
    details.appendChild(el('p', 'hint', text));
  }

  function selectNode(n, centre) {
    selNode = n; selEdges = [];
    if (n < 0) showHint('Click an entity or a line to see its relations and the sentences that state them.');
    else {
      showNode(n);
      if (centre) centreOn(n);
    }
    setFragment(n >= 0 ? 'select=' + encodeURIComponent(nodeId[n]) : '');
    redraw();
  }
  function selectEdges(list) {
    selNode = -1; selEdges = list;
    showEdges(list);
    setFragment('edge=' + encodeURIComponent(edgeIdOf(list[0])));
    redraw();
  }
  // Keeps the address a link to what is shown; replaceState fires no hashchange, so there is no loop.
  function setFragment(f) {
    if (location.hash.replace(/^#/, '') === f) return;  // browsers throttle a page that rewrites its address often
    try {
      history.replaceState(null, '', f ? '#' + f : location.pathname + location.search);
    } catch (err) { /* some browsers refuse it on file: pages; the address then stays as it was */ }
  }

  // ---- search ------------------------------------------------------------------------------------------
  function fold(s) { return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  var folded = null;  // per node: [label, alias, alias…], folded; made on first search
  function search(query) {
    var q = fold(query.trim()), results = $('search-results');
    results.textContent = '';
    if (!q) return [];
    if (!folded) folded = label.map(function (l, n) { return [fold(l)].concat(aliases[n].map(fold)); });
    var hits = [];
    for (var n = 0; n < N; n++) {
      var f = folded[n], rank = 9, via = -1;
      for (var k = 0; k < f.length; k++) {
        var at = f[k].indexOf(q);
        if (at < 0) continue;
        var r = (f[k] === q ? 0 : at === 0 ? 1 : 2) + (k ? 3 : 0);  // exact, prefix, inside; label before alias
        if (r < rank) { rank = r; via = k; }
      }
      if (via >= 0) hits.push([rank, n, via]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || deg[b[1]] - deg[a[1]] || a[1] - b[1]; });
    hits.slice(0, 30).forEach(function (h) {
      var li = el('li');
      var b = nodeButton(h[1], true);
      if (h[2] > 0) b.appendChild(el('span', 'alias', ' (' + aliases[h[1]][h[2] - 1] + ')'));
      li.appendChild(b);
      results.appendChild(li);
    });
    if (hits.length > 30) results.appendChild(el('li', 'muted', (hits.length - 30) + ' more…'));
    if (!hits.length) results.appendChild(el('li', 'muted', 'No entity matches.'));
    results.setAttribute('data-count', String(hits.length));
    return hits;
  }

  // ---- controls ----------------------------------------------------------------------------------------
  function showStats() {
    var s = plural(N, 'entity', 'entities') + ' · ' + plural(M, 'relation', 'relations') + ' · ' +
            plural(docs.length, 'document', 'documents');
    if (visibleNodes !== N || visibleEdges !== M)
      s += '; shown: ' + visibleNodes.toLocaleString('en-US') + ' and ' + visibleEdges.toLocaleString('en-US');
    $('stats').textContent = s;
  }

  function buildControls() {
    var typeCount = new Array(types.length).fill(0), predCount = new Array(preds.length).fill(0);
    for (var n = 0; n < N; n++) typeCount[ntype[n]]++;
    for (var e = 0; e < M; e++) predCount[ep[e]]++;
    var tf = $('type-filters');
    types.forEach(function (t, i) {
      if (!typeCount[i]) return;
      var lab = el('label'), box = el('input');
      box.type = 'checkbox'; box.checked = true; box.setAttribute('data-type', t[0]);
      box.addEventListener('change', function () { typeOn[i] = box.checked ? 1 : 0; applyFilters(); redraw(); });
      lab.appendChild(box); lab.appendChild(swatch(i));
      lab.appendChild(document.createTextNode(t[0]));
      lab.appendChild(el('span', 'count', typeCount[i]));
      tf.appendChild(lab);
    });
    var pf = $('pred-filters'), predBoxes = [];
    preds.forEach(function (p, i) {
      var lab = el('label'), box = el('input');
      box.type = 'checkbox'; box.checked = true; box.setAttribute('data-predicate', p[0]);
      box.addEventListener('change', function () { predOn[i] = box.checked ? 1 : 0; applyFilters(); redraw(); });
      if (p[2]) lab.title = p[2];
      lab.appendChild(box);
      lab.appendChild(document.createTextNode(p[0]));
      lab.appendChild(el('span', 'count', predCount[i]));
      pf.appendChild(lab);
      predBoxes.push(box);
    });
    function setAll(on) {
      predBoxes.forEach(function (b, i) { b.checked = on; predOn[i] = on ? 1 : 0; });
      applyFilters(); redraw();
    }
    $('pred-all').addEventListener('click', function () { setAll(true); });
    $('pred-none').addEventListener('click', function () { setAll(false); });

    var w = $('weight');
    w.max = String(Math.max(1, integralWeights ? maxWeight : Math.ceil(maxWeight)));
    w.step = integralWeights ? '1' : 'any';
    w.addEventListener('input', function () {
      minWeight = Number(w.value); $('weight-value').textContent = fmt(minWeight); applyFilters(); redraw();
    });
    var c = $('conf');
    c.addEventListener('input', function () {
      minConf = Number(c.value); $('conf-value').textContent = minConf.toFixed(2); applyFilters(); redraw();
    });
    var neg = $('show-negated');
    neg.checked = showDenied;
    neg.addEventListener('change', function () { showDenied = neg.checked; applyFilters(); redraw(); });

    var s = $('search');
    s.addEventListener('input', function () { search(s.value); });
    s.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter') return;
      var hits = search(s.value);
      if (hits.length) selectNode(hits[0][1], true);
    });

    // The entity index, by degree: a way in by keyboard and for screen readers. Up to 1,000 entries (more
    // would cost the first picture time on a big page); the search box reaches every entity.
    var list = $('entity-list'), frag = document.createDocumentFragment(), listed = Math.min(N, 1000);
    for (var r = 0; r < listed; r++) {
      var li = el('li');
      li.appendChild(nodeButton(byDegree[r], true));
      frag.appendChild(li);
    }
    list.appendChild(frag);
    $('entity-index').querySelector('summary').textContent = listed === N
      ? 'All ' + plural(N, 'entity', 'entities') + ', by relations'
      : 'The ' + plural(listed, 'entity', 'entities') + ' with the most relations (search finds all ' +
        N.toLocaleString('en-US') + ')';

    document.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('[data-id]');
      if (!b || b.tagName === 'INPUT') return;
      var n = byId.get(b.getAttribute('data-id'));
      if (n !== undefined) selectNode(n, true);
    });
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') { selectNode(-1, false); $('search-results').textContent = ''; }
      if (ev.key === '/' && document.activeElement !== s) { ev.preventDefault(); s.focus(); }
    });

    if (data.shown.nodes < data.total.nodes) {
      var notice = $('notice');
      notice.hidden = false;
      notice.textContent = 'This graph has ' + plural(data.total.nodes, 'entity', 'entities') + ' and ' +
        plural(data.total.edges, 'relation', 'relations') + '; a page shows at most ' +
        data.limit.toLocaleString('en-US') +
        ', so this one holds the ' + data.shown.nodes.toLocaleString('en-US') +
        ' with the most relations. kg-export --top, --ego or --types chooses others.';
      body.setAttribute('data-truncated', '1');
    }
    $('generator').textContent = 'Written by ' + data.generator + ' (kg-export --html).';
    document.title = 'libkg map · ' + plural(N, 'entity', 'entities');
  }

  function bindCanvas() {
    var down = null, tooltip = $('tooltip');
    canvas.addEventListener('pointerdown', function (ev) {
      down = { x: ev.clientX, y: ev.clientY, panX: panX, panY: panY, moved: false };
      canvas.setPointerCapture(ev.pointerId);
    });
    canvas.addEventListener('pointermove', function (ev) {
      var box = canvas.getBoundingClientRect(), x = ev.clientX - box.left, y = ev.clientY - box.top;
      if (down) {
        var dx = ev.clientX - down.x, dy = ev.clientY - down.y;
        if (down.moved || dx * dx + dy * dy > 9) {
          down.moved = true;
          canvas.classList.add('dragging');
          panX = down.panX + dx; panY = down.panY + dy;
          tooltip.hidden = true;
          redraw();
        }
        return;
      }
      var n = nodeAt(x, y), e = -1;
      if (n < 0) { var hit = edgesAt(x, y); e = hit.length ? hit[0] : -1; }
      if (n !== hoverNode || e !== hoverEdge) {
        hoverNode = n; hoverEdge = e;
        canvas.classList.toggle('pointing', n >= 0 || e >= 0);
        redraw();
      }
      if (n >= 0 || e >= 0) {
        tooltip.textContent = n >= 0
          ? label[n] + ' · ' + types[ntype[n]][0] + ' · ' + plural(deg[n], 'relation', 'relations')
          : label[es[e]] + ' ' + preds[ep[e]][0] + ' ' + label[et[e]] + relationSummary(e);
        tooltip.style.left = Math.min(x + 14, width - 200) + 'px';
        tooltip.style.top = (y + 14) + 'px';
        tooltip.hidden = false;
      } else {
        tooltip.hidden = true;
      }
    });
    canvas.addEventListener('pointerleave', function () {
      tooltip.hidden = true;
      if (hoverNode >= 0 || hoverEdge >= 0) { hoverNode = hoverEdge = -1; redraw(); }
    });
    canvas.addEventListener('pointerup', function (ev) {
      var wasClick = down && !down.moved;
      down = null;
      canvas.classList.remove('dragging');
      if (!wasClick) return;
      var box = canvas.getBoundingClientRect(), x = ev.clientX - box.left, y = ev.clientY - box.top;
      var n = nodeAt(x, y);
      if (n >= 0) { selectNode(n, false); return; }
      var hit = edgesAt(x, y);
      if (hit.length) selectEdges(hit); else selectNode(-1, false);
    });
    canvas.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var box = canvas.getBoundingClientRect(), x = ev.clientX - box.left, y = ev.clientY - box.top;
      var factor = Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015));
      var z = Math.min(40, Math.max(0.01, zoom * factor));
      panX = x - (x - panX) * (z / zoom); panY = y - (y - panY) * (z / zoom);
      zoom = z;
      redraw();
    }, { passive: false });
    window.addEventListener('resize', function () { resize(); redraw(); });
  }

  // ---- test hook: #select=ID, #edge=ID, #search=TEXT --------------------------------------------------
  function applyFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (params.has('search')) {
      $('search').value = params.get('search');
      search(params.get('search'));
    }
    if (params.has('select')) {
      var n = byId.get(params.get('select'));
      if (n !== undefined) selectNode(n, true);
      else showHint('No entity with id "' + params.get('select') + '" on this page.');
    } else if (params.has('edge')) {
      var e = edgeById.get(params.get('edge'));
      if (e !== undefined) {
        selectEdges(edgesBetween(e, false));
      } else {
        showHint('No relation with id "' + params.get('edge') + '" on this page.');
      }
    }
  }

  // ---- start -------------------------------------------------------------------------------------------
  try {
    var t0 = performance.now();
    layout();
    var layoutMs = performance.now() - t0;
    buildControls();
    applyFilters();
    resize();
    fitView();
    applyFragment();
    draw();  // the first complete picture, drawn now rather than on the next frame so it is timed here
    bindCanvas();
    window.addEventListener('hashchange', applyFragment);
    body.setAttribute('data-nodes', String(N));
    body.setAttribute('data-edges', String(M));
    body.setAttribute('data-layout-ms', String(Math.round(layoutMs)));
    body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
    body.setAttribute('data-status', 'ready');
  } catch (err) {
    body.setAttribute('data-status', 'error');
    body.setAttribute('data-error', String(err && err.message || err));
    noteError();
    throw err;
  }
})();
