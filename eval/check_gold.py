#!/usr/bin/env python3
"""Checks a reference set (a *-gold.json in the shape of practice/practice-gold.json) against the articles beside it.

Run: python3 eval/check_gold.py path/to/set-gold.json [--updates-share-groups] [--pairs-within-articles]
         [--pairs-by-story] [--first-names Name,Name,...]
Each set's own check_gold.py runs this with the conventions its writer chose. Exits 1 and lists the problems when a
check fails.

Checks: the JSON parses; ids are unique and start with their article's key; every anchor occurs exactly once in its
article's visible text once the boilerplate is removed (HTML: script/style dropped, tags stripped, entities decoded)
and lies within one sentence; every boilerplate string occurs verbatim in the visible text and is gone once all
boilerplate is removed; types, qualifiers and quantities are well formed (only those docs/api.md lists; a BETWEEN's
value is its low bound); pairs name existing ids of two different articles; no pair is both a conflict and
consistent; every conflict is also a 'same' pair; 'same' is closed within each group and never joins two claims of one
article; copies name existing files, and each copy differs from its original in at least one figure listed as a
conflict between the two articles, its other figures agreeing; every consistent pair is a 'same' pair (agreeing) or
of two different groups (a trap), and a trap never joins two claims of one group; 12 to 15 articles whose files start
with one letter and a two-digit key.
Unless the set's conventions say otherwise: every pair inside a 'same' group whose figures cannot both hold is a
listed conflict (--updates-share-groups: a running count's updates share its group); consistent pairs join two
articles (--pairs-within-articles); speakers are surnames or roles, never one of --first-names; agreeing pairs'
figures can both hold and conflicts' cannot, by their qualifiers (--pairs-by-story: judged by the story instead).
"""
import html
import itertools
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"STATISTIC", "QUOTE", "EVENT", "MILITARY_ACTION"}
QUALIFIERS = {"EXACT", "AT_LEAST", "MORE_THAN", "UP_TO", "ABOUT", "NEARLY", "LESS_THAN", "BETWEEN"}


def visible_text(raw, fmt):
    """The text a reader sees: for HTML, script/style dropped, tags stripped, entities decoded."""
    if fmt != "html":
        return raw
    s = re.sub(r"(?is)<!--.*?-->", " ", raw)
    s = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", s)
    s = re.sub(r"(?is)<br\s*/?>", "\n", s)
    s = re.sub(r"(?is)</?(p|div|li|ul|ol|h[1-6]|header|footer|nav|aside|figure|figcaption|section|article|main|title|tr|td|form|button)\b[^>]*>", "\n", s)
    s = re.sub(r"(?s)<[^>]+>", "", s)
    s = html.unescape(s)
    return s


def plain(s):
    """The matching rule's normalisation, without lower-casing: NFKC, plain quotes, dashes and ellipsis."""
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"),
                 ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u201f", '"'), ("\u2033", '"'),
                 ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u2013", "-"), ("\u2014", "-"),
                 ("\u2015", "-"), ("\u2212", "-"), ("\u2026", "...")):
        s = s.replace(a, b)
    return s


def norm(s):
    return re.sub(r"\s+", " ", plain(s)).strip().lower()


# a sentence ends at . ! or ? (optionally followed by closing quotes/brackets) then space and a capital,
# digit or opening quote; the abbreviations below are not ends
SENT_END = re.compile(r"[.!?][\"')\]]*\s+[\"'(\[]?[A-Z0-9]")
ABBREV = re.compile(r"\b(a\.m|p\.m|Dr|Mr|Mrs|Ms|St|No|Jr|Sr|e\.g|i\.e|Oct|Nov|Sept?)\.$")


def crosses_sentence(anchor):
    if "\n" in anchor:
        return True
    for m in SENT_END.finditer(anchor):
        if not ABBREV.search(anchor[:m.start() + 1]):
            return True
    return False


def sentence_around(text, start, end):
    """The sentence of text (plain, not lower-cased) that holds [start, end), or None if the span crosses a boundary."""
    seg = text[start:end]
    if crosses_sentence(seg):
        return None
    return seg


def main():
    import argparse
    parser = argparse.ArgumentParser(description="Checks a reference set against its articles.")
    parser.add_argument("gold")
    parser.add_argument("--updates-share-groups", action="store_true")
    parser.add_argument("--pairs-within-articles", action="store_true")
    parser.add_argument("--first-names", default="")
    parser.add_argument("--pairs-by-story", action="store_true")
    options = parser.parse_args()
    gold_path = options.gold
    first_names = {n for n in options.first_names.split(",") if n}
    base = os.path.dirname(os.path.abspath(gold_path))
    errors, notes = [], []
    try:
        with open(gold_path, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa: BLE001
        print(f"FAIL: JSON does not parse: {e}")
        return 1

    for key in ("about", "articles", "conflicts", "consistent", "same", "copies"):
        if key not in gold:
            errors.append(f"missing top-level key {key!r}")

    ids, id_article = set(), {}
    files = set()
    for art in gold.get("articles", []):
        fn = art.get("file")
        for k in ("file", "format", "outlet", "publishedAt", "boilerplate", "claims"):
            if k not in art:
                errors.append(f"{fn}: missing {k!r}")
        if art.get("format") not in ("text", "html"):
            errors.append(f"{fn}: format must be text or html")
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", art.get("publishedAt", "")):
            errors.append(f"{fn}: publishedAt not ISO UTC")
        path = os.path.join(base, fn)
        if not os.path.isfile(path):
            errors.append(f"{fn}: file not found")
            continue
        files.add(fn)
        key = fn[:3]
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        vis = visible_text(raw, art["format"])
        vis_plain = plain(vis)

        # boilerplate: verbatim in the visible text, then removed (longest first)
        rest = vis_plain
        for bp in sorted(art["boilerplate"], key=len, reverse=True):
            if bp not in vis:
                errors.append(f"{fn}: boilerplate not found verbatim: {bp!r}")
            rest = rest.replace(plain(bp), "\n")
        rest_norm = norm(rest)
        for bp in art["boilerplate"]:
            if norm(bp) in rest_norm:
                errors.append(f"{fn}: boilerplate still present after removal (occurs in body too): {bp!r}")
        # a boilerplate string must stand on a line (block) of its own, not inside body text,
        # or a cleaner removing it would cut a sentence and a claim holding it would count as boilerplate
        bps_norm = [norm(bp) for bp in art["boilerplate"]]
        for line in vis_plain.split("\n"):
            ln = norm(line)
            if not ln or not any(b in ln for b in bps_norm):
                continue
            left = ln
            for b in sorted(bps_norm, key=len, reverse=True):
                left = left.replace(b, " ")
            if re.search(r"[a-z0-9]{3,}", left):
                errors.append(f"{fn}: boilerplate inside a body line: {line.strip()[:80]!r}")

        # body length: visible text minus boilerplate minus headline
        if art["format"] == "html":
            m = re.search(r"(?is)<h1\b[^>]*>(.*?)</h1>", raw)
            headline = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) if m else ""
            bodies = re.findall(r'(?is)<div class="(?:article-body|body)">(.*?)</div>', raw)
            body_words = len(html.unescape(re.sub(r"<[^>]+>", " ", " ".join(bodies))).split())
        else:
            headline = raw.splitlines()[0]
            body_words = len(rest.split()) - len(headline.split())
        if not 150 <= body_words <= 400:
            errors.append(f"{fn}: body has {body_words} words (want 150-400)")
        notes.append(f"{fn}: {body_words} body words, {len(art['claims'])} claims")

        low_rest = rest.lower()
        for c in art["claims"]:
            cid = c.get("id", "?")
            if cid in ids:
                errors.append(f"duplicate id {cid}")
            ids.add(cid)
            id_article[cid] = fn
            if not cid.startswith(key + "-"):
                errors.append(f"{cid}: id does not start with article key {key!r}")
            if c.get("type") not in TYPES:
                errors.append(f"{cid}: bad type {c.get('type')}")
            for t in c.get("alt_types", []):
                if t not in TYPES or t == c.get("type"):
                    errors.append(f"{cid}: bad alt_type {t}")
            if c.get("type") == "QUOTE" and not c.get("speaker"):
                errors.append(f"{cid}: QUOTE without speaker")
            q = c.get("quantity")
            if c.get("type") == "STATISTIC" and q is None:
                errors.append(f"{cid}: STATISTIC without quantity")
            if q is not None:
                if not isinstance(q.get("value"), (int, float)) or q.get("qualifier") not in QUALIFIERS:
                    errors.append(f"{cid}: quantity needs numeric value and a known qualifier")
                if q.get("qualifier") == "BETWEEN":
                    if not (isinstance(q.get("low"), (int, float)) and isinstance(q.get("high"), (int, float))
                            and q["low"] < q["high"]):
                        errors.append(f"{cid}: BETWEEN needs low < high")
            anchor = c.get("anchor", "")
            a_plain = re.sub(r"\s+", " ", plain(anchor)).strip()
            a_low = a_plain.lower()
            hay = re.sub(r"\s+", " ", low_rest)
            n = hay.count(a_low)
            if n != 1:
                errors.append(f"{cid}: anchor occurs {n} times after boilerplate removal: {anchor!r}")
                continue
            # sentence check on the text as written (case kept), whitespace collapsed
            hay_case = re.sub(r"\s+", " ", rest)
            # newlines in the original mark paragraph ends: check the anchor does not span one
            i = hay.index(a_low)
            if sentence_around(hay_case, i, i + len(a_low)) is None:
                errors.append(f"{cid}: anchor crosses a sentence boundary: {anchor!r}")
            # also in the uncollapsed text: no paragraph break inside the anchor
            flat = re.sub(r"[ \t]+", " ", rest).lower()
            pat = re.escape(a_low).replace(r"\ ", r"\s+")
            m = re.search(pat, flat)
            if m and "\n" in m.group(0):
                errors.append(f"{cid}: anchor spans a paragraph break: {anchor!r}")

    def check_pairs(name):
        out = []
        for p in gold.get(name, []):
            if len(p) != 2:
                errors.append(f"{name}: pair of length {len(p)}: {p}")
                continue
            a, b = p
            for x in (a, b):
                if x not in ids:
                    errors.append(f"{name}: unknown id {x}")
            if a in id_article and b in id_article and id_article[a] == id_article[b] and name != "consistent":
                errors.append(f"{name}: {a} and {b} are of one article")
            out.append(frozenset(p))
        if len(set(out)) != len(out):
            errors.append(f"{name}: duplicate pairs")
        return set(out)

    conflicts = check_pairs("conflicts")
    consistent = check_pairs("consistent")
    same = check_pairs("same")
    both = conflicts & consistent
    if both:
        errors.append(f"pairs both conflict and consistent: {[sorted(p) for p in both]}")
    for p in conflicts - same:
        errors.append(f"conflict not in same: {sorted(p)}")

    # 'same' closed within each group: connected components must be cliques of distinct articles
    adj = {}
    for p in same:
        a, b = tuple(p)
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    seen = set()
    groups = []
    for start in adj:
        if start in seen:
            continue
        comp, stack = set(), [start]
        while stack:
            x = stack.pop()
            if x in comp:
                continue
            comp.add(x)
            stack.extend(adj[x] - comp)
        seen |= comp
        groups.append(comp)
        for a, b in itertools.combinations(sorted(comp), 2):
            if frozenset((a, b)) not in same:
                errors.append(f"same not closed: {a} ~ {b} missing (group {sorted(comp)})")
        arts = [id_article.get(x) for x in comp]
        if len(set(arts)) != len(arts):
            errors.append(f"same group joins two claims of one article: {sorted(comp)}")

    for p in gold.get("copies", []):
        if len(p) != 2 or any(x not in files for x in p) or p[0] == p[1]:
            errors.append(f"copies: bad pair {p}")
            continue
        if not any({id_article.get(a), id_article.get(b)} == set(p) for a, b in map(tuple, conflicts)):
            errors.append(f"copies: no conflict lists the changed figure between {p[0]} and {p[1]}")

    arts = gold.get("articles", [])
    if not 12 <= len(arts) <= 15:
        errors.append(f"want 12 to 15 articles, found {len(arts)}")
    letter = arts[0].get("file", "?")[0] if arts else "?"
    for art in arts:
        if not re.fullmatch(re.escape(letter) + r"(0[1-9]|1[0-5])_[a-z0-9_]+\.(txt|html)", art.get("file", "")):
            errors.append(f"{art.get('file')}: file name should start with an article key {letter}01..{letter}15")
    claim = {c["id"]: c for art in arts for c in art.get("claims", []) if "id" in c}
    for cid, c in claim.items():
        q = c.get("quantity")
        if q and q.get("qualifier") == "BETWEEN" and q.get("value") != q.get("low"):
            errors.append(f"{cid}: a BETWEEN's value must be its low bound")
        if q and q.get("qualifier") != "BETWEEN" and ("low" in q or "high" in q):
            errors.append(f"{cid}: low/high only on a BETWEEN")

    def interval(c, scale=1.0):
        q = c["quantity"]
        v, k = q["value"] * scale, q["qualifier"]
        return {"EXACT": (v, v), "AT_LEAST": (v, float("inf")), "MORE_THAN": (v * 1.000001, float("inf")),
                "UP_TO": (0, v), "LESS_THAN": (0, v * 0.999999), "ABOUT": (v * 0.9, v * 1.1),
                "NEARLY": (v * 0.9, v), "BETWEEN": (q.get("low", v) * scale, q.get("high", v) * scale)}[k]

    def overlap(a, b):
        ca, cb = claim[a], claim[b]
        if not (ca.get("quantity") and cb.get("quantity")):
            return None
        sa = sb = 1.0
        va, vb = ca["quantity"]["value"], cb["quantity"]["value"]
        if va < 1 <= vb:      # a fraction ("a third") against a percentage ("30%")
            sa = 100.0
        elif vb < 1 <= va:
            sb = 100.0
        (la, ha), (lb, hb) = interval(ca, sa), interval(cb, sb)
        return la <= hb and lb <= ha

    agreeing, traps = [], []
    for p in gold.get("consistent", []):
        if any(x not in claim for x in p):
            continue
        (agreeing if frozenset(p) in same else traps).append(p)
    # a set written before these checks judged its pairs by their story, not by their qualifiers' intervals
    for p in ([] if options.pairs_by_story else agreeing):
        if overlap(*p) is False:
            errors.append(f"consistent pair {p} is a 'same' pair but its figures cannot both hold")
    for p in ([] if options.pairs_by_story else gold.get("conflicts", [])):
        if all(x in claim for x in p) and overlap(*p) is not False:
            errors.append(f"conflict {p}: the two figures could both hold (or lack a quantity)")

    for p in gold.get("copies", []):
        if len(p) != 2:
            continue
        pair_arts = set(p)
        changed = [c for c in conflicts if {id_article.get(x) for x in c} == pair_arts]
        if len(changed) != 1:
            errors.append(f"copies {p}: want exactly one changed figure listed as a conflict, found {len(changed)}")
        for sp in same:
            a, b = tuple(sp)
            if {id_article.get(a), id_article.get(b)} != pair_arts or sp in conflicts:
                continue
            qa, qb = claim[a].get("quantity"), claim[b].get("quantity")
            if (qa or qb) and (not qa or not qb or qa["value"] != qb["value"] or qa["qualifier"] != qb["qualifier"]):
                errors.append(f"copies {p}: {a} and {b} differ but are not listed as the changed figure")

    # every pair of one 'same' group whose figures cannot both hold must be a listed conflict
    for g in ([] if options.updates_share_groups else groups):
        for a, b in itertools.combinations(sorted(g), 2):
            if a in claim and b in claim and overlap(a, b) is False and frozenset((a, b)) not in conflicts:
                errors.append(f"same group pair {a} ~ {b}: figures cannot both hold but the pair is not a conflict")
    # a trap pair must not sit inside one group (that would make it agreeing, not a trap)
    group_of = {x: i for i, g in enumerate(groups) for x in g}
    for p in traps:
        a, b = p
        if a in group_of and group_of.get(a) == group_of.get(b):
            errors.append(f"trap {p} joins two claims of one 'same' group")
    # every claim id is used at most once in 'consistent' per partner, and consistent pairs join two articles
    for p in ([] if options.pairs_within_articles else gold.get("consistent", [])):
        if len(p) == 2 and id_article.get(p[0]) == id_article.get(p[1]):
            errors.append(f"consistent pair {p} is inside one article")
    # speakers: a QUOTE's speaker is a surname, a role or an organisation, never a full name with a first name
    for cid, c in claim.items():
        sp = c.get("speaker")
        if sp and sp.split()[0] in first_names:
            errors.append(f"{cid}: speaker {sp!r} should be a surname or a role")
    notes.append(f"consistent: {len(agreeing)} agreeing ('same' pairs), {len(traps)} traps (different measures)")

    for line in notes:
        print(line)
    print(f"articles {len(gold.get('articles', []))}, claims {len(ids)}, conflicts {len(conflicts)}, "
          f"consistent {len(consistent)}, same pairs {len(same)} in {len(groups)} groups, copies {len(gold.get('copies', []))}")
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
