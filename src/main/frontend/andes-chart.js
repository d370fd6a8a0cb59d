// Apache ECharts as a plain custom element. The server sets `option` (JSON text); a click on a data item is
// sent back as an `andes-chart-click` event. The chart follows the page's light/dark theme attribute.
import * as echarts from 'echarts';

const PALETTE = ['#1676f3', '#13a89e', '#f59f00', '#e8590c', '#7048e8', '#d6336c', '#37b24d', '#1098ad',
  '#868e96', '#fab005'];

class AndesChart extends HTMLElement {
  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    this._themeObserver = new MutationObserver(() => this._init());
    this._themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
    requestAnimationFrame(() => this._init());
    this._resizeObserver = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resizeObserver.observe(this);
  }

  disconnectedCallback() {
    this._resizeObserver?.disconnect();
    this._themeObserver?.disconnect();
    this._chart?.dispose();
    this._chart = null;
  }

  set option(value) {
    this._option = typeof value === 'string' ? (value ? JSON.parse(value) : null) : value;
    this._render();
  }

  get option() {
    return this._option;
  }

  _init() {
    if (!this.isConnected) return;
    const dark = (document.documentElement.getAttribute('theme') || '').includes('dark');
    if (this._chart && this._dark === dark) return;
    this._chart?.dispose();
    this._dark = dark;
    this._chart = echarts.init(this, dark ? 'dark' : null, { renderer: 'svg' });
    this._chart.on('click', (p) => {
      this.dispatchEvent(new CustomEvent('andes-chart-click', {
        detail: { name: String(p.name ?? ''), seriesName: String(p.seriesName ?? ''), dataIndex: p.dataIndex ?? -1 }
      }));
    });
    this._render();
  }

  _render() {
    if (!this._chart || !this._option) return;
    const option = Object.assign({ color: PALETTE, backgroundColor: 'transparent',
      textStyle: { fontFamily: 'inherit' } }, this._option);
    localise(option, (document.documentElement.getAttribute('lang') || 'es').startsWith('en') ? 'en' : 'es');
    // a live update (or a reader who asks for less motion) is drawn at once, not animated: 51 open Monitors
    // animating every commit kept the browser's cores busy for seconds (#29)
    if (this._drawn || matchMedia('(prefers-reduced-motion: reduce)').matches) option.animation = false;
    this._drawn = true;
    // lazyUpdate: drawn on the next animation frame, so a live update's KPIs show first and a Monitor in a
    // background tab does no drawing until it is looked at
    this._chart.setOption(option, { notMerge: true, lazyUpdate: true });
    this.setAttribute('data-rendered', 'true');
  }
}

// Numbers as the KPIs write them: `21.000` and `$ 1,8 mil MM` in Spanish (a Chilean reads `21,000` as twenty-one),
// `21,000` and `$1.8B` in English. The server marks value axes and series with `andesUnit` ('clp' or 'count');
// JSON cannot carry functions, so the formatters are attached here.
const FORMATS = {
  es: { group: new Intl.NumberFormat('es-CL', { maximumFractionDigits: 0 }),
    one: new Intl.NumberFormat('es-CL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) },
  en: { group: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
    one: new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }
};

export function formatValue(unit, value, lang) {
  if (value === null || value === undefined || value === '' || isNaN(Number(value))) return value ?? '';
  const f = FORMATS[lang] || FORMATS.es;
  const v = Number(value);
  if (unit !== 'clp') {
    // Intl.NumberFormat('es-CL') leaves 4-digit numbers ungrouped (RAE): Chile groups them, as the KPIs do
    return lang === 'en' ? f.group.format(v) : groupEs(v);
  }
  const abs = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (lang === 'en') {
    if (abs >= 1e12) return sign + '$' + f.one.format(abs / 1e12) + 'T';
    if (abs >= 1e9) return sign + '$' + f.one.format(abs / 1e9) + 'B';
    if (abs >= 1e6) return sign + '$' + f.one.format(abs / 1e6) + 'M';
    return sign + '$' + f.group.format(abs);
  }
  if (abs >= 1e12) return sign + '$ ' + f.one.format(abs / 1e12) + ' billones';
  if (abs >= 1e9) return sign + '$ ' + f.one.format(abs / 1e9) + ' mil MM';
  if (abs >= 1e6) return sign + '$ ' + f.one.format(abs / 1e6) + ' MM';
  return sign + '$ ' + groupEs(abs);
}

function groupEs(v) {
  const sign = v < 0 ? '-' : '';
  const [whole, fraction] = Math.abs(v).toFixed(Number.isInteger(v) ? 0 : 1).split('.');
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (fraction && fraction !== '0' ? ',' + fraction : '');
}

function localise(option, lang) {
  const axes = (a) => (Array.isArray(a) ? a : a ? [a] : []);
  for (const axis of [...axes(option.xAxis), ...axes(option.yAxis)]) {
    if (axis.andesUnit) {
      axis.axisLabel = Object.assign({}, axis.axisLabel, { formatter: (v) => formatValue(axis.andesUnit, v, lang) });
    } else if (axis.type === 'category') {
      // category labels never overlap: the ones that would are hidden (the tooltip and the table name them all)
      axis.axisLabel = Object.assign({ hideOverlap: true }, axis.axisLabel);
    }
  }
  for (const series of axes(option.series)) {
    if (series.andesUnit) {
      series.tooltip = Object.assign({}, series.tooltip,
        { valueFormatter: (v) => formatValue(series.andesUnit, v, lang) });
    }
  }
}

customElements.define('andes-chart', AndesChart);
