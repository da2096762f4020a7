// Renders the EUeConformance HTML report from the RunReport embedded in #report-data.
// Every string from the report reaches the page through textContent or setAttribute, never
// through HTML parsing, so evidence quoted from a device cannot become markup or script.
(function () {
  'use strict';

  var LABEL = {
    'pass': 'pass', 'fail': 'FAIL', 'error': 'ERROR', 'inconclusive': 'inconclusive',
    'not-applicable': 'not applicable', 'not-automated': 'not automated', 'not-run': 'not run',
    'server-side': 'server-side (not verified here)'
  };
  function label(status) { return Object.prototype.hasOwnProperty.call(LABEL, status) ? LABEL[status] : String(status); }

  // Same rule as NaturalOrder.cs: digit runs by value, shorter prefix first, digits before letters.
  function naturalCompare(a, b) {
    a = String(a); b = String(b);
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var da = isDigit(a.charCodeAt(i)), db = isDigit(b.charCodeAt(j));
      if (da && db) {
        var si = i, sj = j;
        while (i < a.length && isDigit(a.charCodeAt(i))) i++;
        while (j < b.length && isDigit(b.charCodeAt(j))) j++;
        var na = a.slice(si, i).replace(/^0+/, ''), nb = b.slice(sj, j).replace(/^0+/, '');
        if (na.length !== nb.length) return na.length < nb.length ? -1 : 1;
        if (na !== nb) return na < nb ? -1 : 1;
      } else if (da !== db) {
        return da ? -1 : 1;
      } else {
        if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) < b.charCodeAt(j) ? -1 : 1;
        i++; j++;
      }
    }
    var ra = a.length - i, rb = b.length - j;
    if (ra !== rb) return ra < rb ? -1 : 1;
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  function isDigit(c) { return c >= 48 && c <= 57; }

  // el('td', {class: 'x', title: 't'}, 'text', childNode, [more]) — strings become text nodes.
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') node.className = String(v);
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  // append(node, child, ...): each child a node, a string (as text), an array of either, or null.
  function append(node) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); continue; }
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function badge(status) { return el('span', { class: 'badge s-' + cssToken(status) }, label(status)); }
  function cssToken(s) { return String(s).replace(/[^a-z0-9-]/gi, '_'); }
  function ms(v) { return typeof v === 'number' && isFinite(v) ? (v < 1000 ? v.toFixed(1) + ' ms' : (v / 1000).toFixed(2) + ' s') : String(v); }

  // Evidence paths are links only when they stay inside the report folder: no scheme, no absolute
  // path, no "..". Anything else is shown as text, so a report can never point the reader elsewhere.
  function safeRelative(path) {
    if (typeof path !== 'string' || path.length === 0) return null;
    if (/^[a-zA-Z][a-zA-Z0-9+.\-]*:/.test(path)) return null;
    if (/^[\\/]/.test(path) || path.indexOf('\\') >= 0) return null;
    var parts = path.split('/');
    if (parts.some(function (p) { return p === '..'; })) return null;
    return parts.map(encodeURIComponent).join('/');
  }

  var report;
  try {
    report = JSON.parse(document.getElementById('report-data').textContent);
  } catch (e) {
    document.getElementById('app').textContent = 'The embedded report data could not be read: ' + e.message;
    return;
  }
  var run = report.run;
  var scenarioById = {};
  report.scenarios.forEach(function (s) { if (!scenarioById[s.id]) scenarioById[s.id] = s; });
  var requirements = report.requirements.slice().sort(function (a, b) {
    return naturalCompare(a.section, b.section) || naturalCompare(a.id, b.id);
  });

  // ---- header -----------------------------------------------------------------------------
  document.title = run.suite + ' ' + run.suiteVersion + ': ' + run.dutName;
  var header = document.getElementById('run');
  append(header, el('h1', null, run.suite + ' ' + run.suiteVersion, el('span', { class: 'sub' }, ' conformance report for ' + run.dutName)));
  if (run.interrupted) {
    append(header, el('p', { class: 'banner', id: 'interrupted' },
      'This run was interrupted: scenarios that did not finish are inconclusive and the results are incomplete.'));
  }
  var facts = [
    ['Suite version', run.suiteVersion], ['Specification', run.specDocument],
    ['Catalog', run.catalogPath], ['Catalog SHA-256', run.catalogSha256, 'mono'],
    ['DUT', run.dutName], ['Profile', run.profilePath], ['Profile SHA-256', run.profileSha256, 'mono'],
    ['Command line', run.commandLine, 'mono'], ['Fabric', run.fabric], ['Seed', run.seed],
    ['Tag expression', run.tagExpression === null ? '(none)' : run.tagExpression],
    ['Requirement pattern', run.requirementPattern === null ? '(none)' : run.requirementPattern],
    ['Started', run.started], ['Finished', run.finished],
    ['Interrupted', run.interrupted ? 'yes' : 'no'], ['Exit code', run.exitCode]
  ];
  var dl = el('dl', { class: 'facts' });
  facts.forEach(function (f) { append(dl, [el('dt', null, f[0]), el('dd', { class: f[2] || null }, f[1])]); });
  append(header, dl);

  // ---- counts -----------------------------------------------------------------------------
  var counts = document.getElementById('counts');
  var reqCounts = el('div', { class: 'counts', id: 'requirement-counts' }, el('h2', null, 'Requirements by status'));
  Object.keys(report.requirementCounts).forEach(function (status) {
    var n = report.requirementCounts[status];
    append(reqCounts, el('button', { type: 'button', class: 'count', 'data-status': status, title: 'show only ' + label(status) },
      badge(status), ' ', el('b', null, String(n))));
  });
  append(reqCounts, el('span', { class: 'total' }, 'total ' + report.requirements.length));
  var scnCounts = el('div', { class: 'counts', id: 'scenario-counts' }, el('h2', null, 'Scenarios by verdict'));
  Object.keys(report.scenarioCounts).forEach(function (verdict) {
    append(scnCounts, el('span', { class: 'count' }, badge(verdict), ' ', el('b', null, String(report.scenarioCounts[verdict]))));
  });
  append(scnCounts, el('span', { class: 'total' }, 'total ' + report.scenarios.length));
  append(counts, [reqCounts, scnCounts]);
  append(counts, el('p', { class: 'note' },
    'Only "pass" means a scenario verified the requirement on this device. "not automated", "not run" and ' +
    '"server-side" are not verdicts: nothing in this run verified those requirements.'));

  // ---- filters ----------------------------------------------------------------------------
  var filters = [
    { key: 'section', id: 'f-section', title: 'Section', sort: naturalCompare },
    { key: 'keyword', id: 'f-keyword', title: 'Keyword' },
    { key: 'status', id: 'f-status', title: 'Status', order: Object.keys(report.requirementCounts) },
    { key: 'actor', id: 'f-actor', title: 'Actor' },
    { key: 'method', id: 'f-method', title: 'Method' }
  ];
  var filterBar = document.getElementById('filters');
  var text = el('input', { type: 'search', id: 'f-text', placeholder: 'search id, summary, reason, scenario…', 'aria-label': 'free text' });
  append(filterBar, el('label', null, 'Text ', text));
  filters.forEach(function (f) {
    var values = [];
    requirements.forEach(function (r) { if (values.indexOf(r[f.key]) < 0) values.push(r[f.key]); });
    if (f.order) values.sort(function (a, b) { return indexOr(f.order, a) - indexOr(f.order, b) || naturalCompare(a, b); });
    else values.sort(f.sort || naturalCompare);
    var select = el('select', { id: f.id, 'aria-label': f.title }, el('option', { value: '' }, 'all'));
    values.forEach(function (v) { append(select, el('option', { value: v }, f.key === 'status' ? label(v) : (v === '' ? '(none)' : v))); });
    f.select = select;
    append(filterBar, el('label', null, f.title + ' ', select));
  });
  var clearButton = el('button', { type: 'button', id: 'f-clear' }, 'clear filters');
  var shown = el('span', { id: 'shown', class: 'shown' });
  append(filterBar, [clearButton, shown]);
  function indexOr(list, v) { var i = list.indexOf(v); return i < 0 ? list.length : i; }

  function haystack(r) {
    var parts = [r.id, r.section, r.locator, r.keyword, r.actor, r.method, r.status, label(r.status),
      r.summary, r.appliesWhen, r.notes || '', r.statusReason].concat(r.delegates, r.scenarioIds);
    r.scenarioIds.forEach(function (id) { var s = scenarioById[id]; if (s) parts.push(s.name); });
    return parts.join('\n').toLowerCase();
  }
  requirements.forEach(function (r) { r._text = haystack(r); });

  // ---- requirements table -----------------------------------------------------------------
  var body = document.getElementById('req-body');
  var expanded = {};

  function render() {
    var needle = text.value.trim().toLowerCase();
    var visible = requirements.filter(function (r) {
      if (needle && r._text.indexOf(needle) < 0) return false;
      return filters.every(function (f) { return f.select.value === '' || r[f.key] === f.select.value; });
    });
    clear(body);
    visible.forEach(function (r) {
      append(body, requirementRow(r));
      if (expanded[r.id]) append(body, requirementDetail(r));
    });
    if (visible.length === 0) append(body, el('tr', { class: 'empty' }, el('td', { colspan: 8 }, 'No requirement matches these filters.')));
    shown.textContent = 'showing ' + visible.length + ' of ' + requirements.length;
  }

  function requirementRow(r) {
    var toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': expanded[r.id] ? 'true' : 'false', title: 'show scenarios' },
      expanded[r.id] ? '▾' : '▸');
    toggle.addEventListener('click', function () { expanded[r.id] = !expanded[r.id]; render(); });
    return el('tr', { class: 'req s-' + cssToken(r.status), 'data-id': r.id, 'data-status': r.status },
      el('td', { class: 'id' }, toggle, ' ', r.id),
      el('td', null, r.section),
      el('td', { class: 'nowrap' }, r.keyword),
      el('td', null, r.actor),
      el('td', null, r.method),
      el('td', null, badge(r.status)),
      el('td', { class: 'num' }, String(r.scenarioIds.length)),
      el('td', { class: 'reason' }, el('div', { class: 'summary' }, r.summary), el('div', { class: 'why' }, r.statusReason)));
  }

  function requirementDetail(r) {
    var box = el('div', { class: 'detail' });
    var meta = el('dl', { class: 'facts small' });
    [['Locator', r.locator], ['Applies when', r.appliesWhen || '(always)'], ['Delegates', r.delegates.join(', ') || '(none)'],
      ['Notes', r.notes === null ? '(none)' : r.notes], ['Status', label(r.status)], ['Reason', r.statusReason]]
      .forEach(function (f) { append(meta, [el('dt', null, f[0]), el('dd', null, f[1])]); });
    append(box, meta);
    if (r.scenarioIds.length === 0) append(box, el('p', { class: 'note' }, 'No scenario cites this requirement.'));
    r.scenarioIds.forEach(function (id) {
      var s = scenarioById[id];
      append(box, s ? scenarioBlock(s) : el('p', { class: 'note' }, id + ': not in this run'));
    });
    return el('tr', { class: 'detail-row', 'data-for': r.id }, el('td', { colspan: 8 }, box));
  }

  // ---- scenarios ----------------------------------------------------------------------------
  // Contents are built when first opened: a large run stays quick to load.
  function scenarioBlock(s) {
    var d = el('details', { class: 'scenario s-' + cssToken(s.verdict), 'data-id': s.id },
      el('summary', null, badge(s.verdict), ' ', el('b', null, s.name), ' ', el('span', { class: 'mono dim' }, s.id)));
    var filled = false;
    d.addEventListener('toggle', function () {
      if (!d.open || filled) return;
      filled = true;
      append(d, scenarioBody(s));
    });
    return d;
  }

  function scenarioBody(s) {
    var box = el('div', { class: 'scenario-body' });
    var meta = el('dl', { class: 'facts small' });
    [['Feature', s.feature], ['File', s.file + ':' + s.line], ['Tags', s.tags.join(' ') || '(none)'],
      ['Requirements', s.requirementIds.join(', ') || '(none)'], ['Verdict', s.verdict],
      ['Reason', s.reason === null ? '(none)' : s.reason], ['Duration', ms(s.durationMs)]]
      .forEach(function (f) { append(meta, [el('dt', null, f[0]), el('dd', null, f[1])]); });
    append(box, meta);

    var steps = el('table', { class: 'steps' },
      el('thead', null, el('tr', null, el('th', null, 'line'), el('th', null, 'step'), el('th', null, 'status'), el('th', null, 'time'), el('th', null, 'message'))));
    var tb = el('tbody');
    s.steps.forEach(function (st) {
      append(tb, el('tr', { class: 'step st-' + cssToken(st.status) },
        el('td', { class: 'num' }, String(st.line)),
        el('td', null, el('b', null, st.keyword), ' ', st.text),
        el('td', null, st.status),
        el('td', { class: 'num' }, ms(st.durationMs)),
        el('td', null, st.message === null ? '' : el('pre', null, st.message))));
    });
    append(steps, tb);
    append(box, el('h4', null, 'Steps'), steps);

    append(box, el('h4', null, 'Evidence'));
    if (s.evidence.length === 0) append(box, el('p', { class: 'note' }, 'No evidence recorded.'));
    var list = el('ul', { class: 'evidence' });
    s.evidence.forEach(function (e) {
      var li = el('li', null, el('span', { class: 'kind' }, e.kind), ' ', e.title);
      if (e.path !== null) {
        var href = safeRelative(e.path);
        append(li, [' ', href ? el('a', { href: href, class: 'mono' }, e.path) : el('span', { class: 'mono', title: 'not a path inside the report folder' }, e.path)]);
      }
      if (e.text !== null) append(li, el('pre', null, e.text));
      append(list, li);
    });
    append(box, list);
    return box;
  }

  var all = document.getElementById('all-scenarios');
  var allFilled = false;
  all.addEventListener('toggle', function () {
    if (!all.open || allFilled) return;
    allFilled = true;
    report.scenarios.forEach(function (s) { append(all, scenarioBlock(s)); });
  });
  document.getElementById('all-scenarios-title').textContent = 'All scenarios (' + report.scenarios.length + ')';

  // ---- DUT profile --------------------------------------------------------------------------
  document.getElementById('profile-title').textContent =
    'DUT profile: ' + run.profilePath + ' (SHA-256 ' + run.profileSha256 + ')';
  document.getElementById('profile-text').textContent = run.profileText;
  document.getElementById('profile-save').addEventListener('click', function () {
    // A copy from the embedded text, for when the report was moved without profile.yaml beside it.
    var url = URL.createObjectURL(new Blob([run.profileText], { type: 'text/yaml;charset=utf-8' }));
    var a = el('a', { href: url, download: 'profile.yaml' });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  });

  // ---- wiring -------------------------------------------------------------------------------
  text.addEventListener('input', render);
  filters.forEach(function (f) { f.select.addEventListener('change', render); });
  clearButton.addEventListener('click', function () {
    text.value = '';
    filters.forEach(function (f) { f.select.value = ''; });
    render();
  });
  Array.prototype.forEach.call(reqCounts.querySelectorAll('button.count'), function (b) {
    b.addEventListener('click', function () {
      var statusSelect = document.getElementById('f-status');
      var status = b.getAttribute('data-status');
      // A status with no requirement has no option; selecting it would silently show everything.
      if (!Array.prototype.some.call(statusSelect.options, function (o) { return o.value === status; })) return;
      statusSelect.value = statusSelect.value === status ? '' : status;
      render();
    });
  });
  render();
  document.documentElement.setAttribute('data-rendered', 'true');
})();
