import csv, html.parser, json, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))[1:]
csv_total = {r[0].lstrip("'"): float(r[1]) for r in rows}
summary = json.load(open(sys.argv[2]))
assert summary['students'] == 12, summary['students']
got = {s['id']: s['total'] for s in summary['students_list']}
assert got == csv_total, (got, csv_total)
mean = round(sum(100 * t / 20 for t in csv_total.values()) / 12, 1)
assert abs(summary['mean_percent'] - mean) < 0.06, (summary['mean_percent'], mean)
hd = summary['exercises'][0]
assert hd['name'] == 'has_duplicates' and hd['tests']['checked'] >= 8, hd
assert sum(v for k, v in hd['growth'].items() if k != 'not measured') >= 5, hd['growth']
fails = {(f['exercise'], f['test']) for f in summary['common_failures']}
assert any(e == 'has_duplicates' for e, _ in fails), fails
closer = {s['id'] for s in summary['students_list'] if s['look_closer']}
assert 'crash' in closer, closer

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.table = None; self.cells = []; self.rows = {}; self.links = set(); self.scripts = 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'script':
            self.scripts += 1
        if tag == 'table' and a.get('id') == 'by-name':
            self.table = 'by-name'
        if tag == 'a' and self.table and a.get('href', '').endswith('report.html'):
            self.links.add(a['href'])
        if tag == 'tr' and self.table:
            self.cells = []
        if tag in ('td', 'th') and self.table:
            self.cells.append('')
    def handle_endtag(self, tag):
        if tag == 'table':
            self.table = None
        if tag == 'tr' and self.table and self.cells and self.cells[0] != 'student':
            self.rows[self.cells[0]] = float(self.cells[1].split('/')[0])
    def handle_data(self, d):
        if self.table and self.cells:
            self.cells[-1] += d
p = Page()
p.feed(open(sys.argv[3]).read())
assert p.scripts == 0, 'scripts in the class page'
assert p.rows == csv_total, (p.rows, csv_total)
assert len(p.links) == 12, p.links
