# Checks holdout-gold.json against the articles beside it: JSON shape, anchors (exactly once, in one sentence,
# after boilerplate removal; HTML: tags stripped, script/style dropped, entities decoded), boilerplate verbatim,
# unique ids, pairs naming existing ids, conflicts within same, same closed per group, copies. Run: python3 check_gold.py
import json, os, re, sys, unicodedata, itertools, collections
from html.parser import HTMLParser

D = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(D, "holdout-gold.json"), encoding="utf-8"))
errors, warns = [], []

BLOCK = set("p div h1 h2 h3 h4 h5 h6 li ul ol nav header footer section article aside figure figcaption main button title br tr td table time html body head".split())
class V(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.out = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"): self.skip += 1
        elif tag in BLOCK: self.out.append("\n")
    def handle_endtag(self, tag):
        if tag in ("script", "style"): self.skip -= 1
        elif tag in BLOCK: self.out.append("\n")
    def handle_data(self, d):
        if not self.skip: self.out.append(d)

def visible(path, fmt):
    raw = open(path, encoding="utf-8").read()
    if fmt == "html":
        v = V(); v.feed(raw); v.close(); t = "".join(v.out)
    else:
        t = raw
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", l).strip() for l in t.split("\n")]
    return "\n".join(l for l in lines if l)

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = re.sub("[\u2018\u2019\u201a\u201b\u2032]", "'", s)
    s = re.sub("[\u201c\u201d\u201e\u201f\u2033]", '"', s)
    s = re.sub("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-", s)
    s = s.replace("\u2026", "...")
    return re.sub(r"\s+", " ", s).strip().lower()

def pat(s):
    return re.compile(r"\s+".join(re.escape(w) for w in s.split()))

SENT = re.compile(r'(?<=[.!?])["\'\u201d\u2019)]?\s+(?=["\'\u201c\u2018(A-Z0-9])')
def sentences(block):
    out, start = [], 0
    for m in SENT.finditer(block):
        out.append(block[start:m.end()].strip()); start = m.end()
    out.append(block[start:].strip())
    return [s for s in out if s]

ids = {}
stats = collections.Counter(); qual = collections.Counter(); nbp = 0
for a in gold["articles"]:
    f = a["file"]; p = os.path.join(D, f)
    for k in ("file", "format", "outlet", "publishedAt", "boilerplate", "claims"):
        if k not in a: errors.append(f"{f}: missing {k}")
    if not os.path.exists(p): errors.append(f"missing file {f}"); continue
    vis = visible(p, a["format"])
    key = f[:3]
    # boilerplate
    clean = vis
    for b in a["boilerplate"]:
        nbp += 1
        n = len(pat(b).findall(vis))
        if n == 0: errors.append(f"{f}: boilerplate not verbatim: {b!r}")
        elif n > 1: warns.append(f"{f}: boilerplate occurs {n}x: {b!r}")
    for b in sorted(a["boilerplate"], key=len, reverse=True):
        clean = pat(b).sub("\n", clean)
    blocks = [l.strip() for l in clean.split("\n") if l.strip()]
    headline = blocks[0] if a["format"] == "text" else None
    sents = []
    for i, bl in enumerate(blocks):
        for s in sentences(bl):
            sents.append((i, norm(s)))
    full = norm(clean)
    # body word count (text: minus headline; html: minus title line and h1 handled approx)
    body_blocks = blocks[1:]
    if a["format"] == "html":
        body_blocks = [b for b in blocks if len(b.split()) > 12]
    wc = sum(len(b.split()) for b in body_blocks)
    a["_wc"] = wc
    if not (150 <= wc <= 450): warns.append(f"{f}: body word count {wc}")
    # headline check for html: first line is title
    for c in a["claims"]:
        cid = c["id"]
        if cid in ids: errors.append(f"duplicate id {cid}")
        ids[cid] = f
        if not cid.startswith(key + "-"): errors.append(f"{cid}: not prefixed {key}-")
        if c["type"] not in ("STATISTIC", "QUOTE", "EVENT", "MILITARY_ACTION"): errors.append(f"{cid}: bad type")
        stats[c["type"]] += 1
        if "quantity" in c:
            q = c["quantity"]
            if "value" not in q or "qualifier" not in q: errors.append(f"{cid}: quantity incomplete")
            qual[q["qualifier"]] += 1
        if c["type"] == "QUOTE" and not c.get("speaker"): errors.append(f"{cid}: quote without speaker")
        an = norm(c["anchor"])
        n = full.count(an)
        if n != 1: errors.append(f"{cid}: anchor occurs {n}x: {c['anchor']!r}")
        hits = [(i, s) for i, s in sents if an in s]
        if not hits: errors.append(f"{cid}: anchor not within one sentence: {c['anchor']!r}")
        elif headline is not None and all(i == 0 for i, _ in hits): errors.append(f"{cid}: anchor only in headline")
        for b in a["boilerplate"]:
            if norm(b) in an: errors.append(f"{cid}: anchor contains boilerplate {b!r}")
        if c.get("speaker") and c["type"] == "QUOTE":
            pass
        for pl in c.get("places", []):
            if norm(pl) not in full: errors.append(f"{cid}: place {pl} not in text")

def up(p): return frozenset(p)
def check_pairs(name, pairs, cross=True):
    seen = set()
    for p in pairs:
        if len(p) != 2: errors.append(f"{name}: bad pair {p}"); continue
        for x in p:
            if x not in ids: errors.append(f"{name}: unknown id {x}")
        if p[0] == p[1]: errors.append(f"{name}: self pair {p}")
        if cross and p[0] in ids and p[1] in ids and ids[p[0]] == ids[p[1]]: warns.append(f"{name}: same-article pair {p}")
        if up(p) in seen: errors.append(f"{name}: duplicate pair {p}")
        seen.add(up(p))
    return seen
conf = check_pairs("conflicts", gold["conflicts"])
cons = check_pairs("consistent", gold["consistent"])
same = check_pairs("same", gold["same"])
for p in conf & cons: errors.append(f"pair both conflict and consistent: {set(p)}")
for p in conf - same: errors.append(f"conflict not in same: {set(p)}")
# closure of same
adj = collections.defaultdict(set)
for p in same:
    a_, b_ = tuple(p); adj[a_].add(b_); adj[b_].add(a_)
seen = set()
claims_by_id = {c["id"]: c for a in gold["articles"] for c in a["claims"]}
for n0 in list(adj):
    if n0 in seen: continue
    comp, st = set(), [n0]
    while st:
        x = st.pop()
        if x in comp: continue
        comp.add(x); st.extend(adj[x])
    seen |= comp
    for x, y in itertools.combinations(sorted(comp), 2):
        if ids[x] != ids[y] and up((x, y)) not in same: errors.append(f"same not closed: {x} {y}")
    if len({ids[x] for x in comp}) != len(comp): warns.append(f"same group has two claims of one article: {sorted(comp)}")
# conflicts have differing quantities
for p in conf:
    x, y = tuple(p)
    qx, qy = claims_by_id[x].get("quantity"), claims_by_id[y].get("quantity")
    if not qx or not qy: warns.append(f"conflict without quantities {x} {y}")
files = {a["file"] for a in gold["articles"]}
for c, o in gold["copies"]:
    if c not in files or o not in files: errors.append(f"copies: unknown file {c} {o}")
    pa = {a["file"]: a["publishedAt"] for a in gold["articles"]}
    if pa.get(c, "") <= pa.get(o, ""): errors.append(f"copy {c} not later than original")
for k in ("about", "articles", "conflicts", "consistent", "same", "copies"):
    if k not in gold: errors.append(f"missing top-level {k}")

print("articles", len(gold["articles"]), "claims", sum(stats.values()), dict(stats))
print("qualifiers", dict(qual))
print("conflicts", len(conf), "consistent", len(cons), "same", len(same), "copies", len(gold["copies"]), "boilerplate", nbp)
for a in gold["articles"]: print(f"  {a['file']:32s} words={a['_wc']:4d} claims={len(a['claims'])} bp={len(a['boilerplate'])}")
for w in warns: print("WARN", w)
for e in errors: print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
