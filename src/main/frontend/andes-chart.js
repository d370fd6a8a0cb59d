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
    // lazyUpdate: drawn on the next animation frame, so a live update's KPIs show first and a Monitor in a
    // background tab does no drawing until it is looked at
    this._chart.setOption(option, { notMerge: true, lazyUpdate: true });
    this.setAttribute('data-rendered', 'true');
  }
}

customElements.define('andes-chart', AndesChart);
