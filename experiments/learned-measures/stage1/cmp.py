import re, sys
def parse(p):
    out = {}; cur = None
    for line in open(p):
        if line.startswith('### '): cur = line[4:].strip(); out[cur] = {}
        m = re.match(r'\s*(measures\.\w+|measures|statements|actors|figures)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)', line)
        if m and cur: out[cur][m.group(1)] = tuple(m.groups()[1:])
        m = re.match(r'\s*(measures\.(?:date|status|target))\s+([\d.]+)\s+\((\d+)/(\d+)\)', line)
        if m and cur: out[cur][m.group(1)] = m.groups()[1:]
    return out
a, b = parse(sys.argv[1]), parse(sys.argv[2])
print("| set | measures P/R/F1 before | after | TP/FP/FN before | after | date acc before | after | other classes changed |")
print("|---|---|---|---|---|---|---|---|")
for s in a:
    x, y = a[s]['measures'], b[s]['measures']
    other = [k for k in a[s] if k not in ('measures',) and not k.startswith('measures.') and a[s][k] != b[s].get(k)]
    print(f"| {s} | {x[0]}/{x[1]}/{x[2]} | {y[0]}/{y[1]}/{y[2]} | {x[3]}/{x[4]}/{x[5]} | {y[3]}/{y[4]}/{y[5]} | {a[s]['measures.date'][0]} | {b[s]['measures.date'][0]} | {','.join(other) or '-'} |")
