#!/usr/bin/env python3
"""titleerrors.py GOLD_DIR PRED_DIR [FROM TO] [CLASS] — why paperscore's titles are wrong.

Pairs every gold article with a predicted one exactly as paperscore does (body
similarity, greedy), and puts each gold article whose title paperscore counts
wrong into one class, by where its gold title went:

  unmatched article                 no predicted body pairs with it (the plan)
  … its title printed on a pred story  … though some predicted story has the title
  no headline; title read as body   the paired story has no headline; the gold title is in a paragraph
  no headline; title on another story … it heads another predicted story
  naming: title read as kicker/subtitle  the headline's lines are right, its parts misnamed
  glued: kicker+title / title+subtitle / title+other line  the title holds more than its own lines
  title cut short                   the title is part of gold's (a wrapped line lost)
  title split across parts          gold's title is spread over the predicted kicker/title/subtitle
  title on another story            the paired story has a wrong headline; gold's heads another story
  title read as body                … gold's is in a paragraph (a line role, or a unit cut at the wrong line)
  gold title "" …                   a continuation or photo given a title
A class ends in [spaced] when the predicted title or kicker holds a space (pdfminer
printing headline parts on one line). FROM TO pick gen pages (g001–g200: training;
never look at g201–g240). CLASS (a substring, or "all") lists the cases of a class.

  KEEP=/tmp/pred sh scripts/score.sh gen 1 200; python3 scripts/titleerrors.py ../shared/corpus/gen /tmp/pred 1 200
"""
import collections
import importlib.machinery
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
loader = importlib.machinery.SourceFileLoader('paperscore', os.path.join(here, '..', '..', 'shared', 'tools', 'paperscore'))
spec = importlib.util.spec_from_loader('paperscore', loader)
ps = importlib.util.module_from_spec(spec)
loader.exec_module(ps)
nows = ps.nows


def pair(G, P):
    """paperscore's pairing: gold index → predicted index."""
    gb = [nows(''.join(a['paragraphs'])) for a in G]
    pb = [nows(''.join(a['paragraphs'])) for a in P]
    pairs = []
    for i, g in enumerate(gb):
        for j, p in enumerate(pb):
            L = max(len(g), len(p))
            if L == 0 or min(len(g), len(p)) / L < 0.5:
                continue
            sim = 1 - ps.lev(g, p) / L
            if sim >= 0.5:
                pairs.append((sim, -i, -j, i, j))
    pairs.sort(reverse=True)
    gm, pm = {}, {}
    for _, _, _, i, j in pairs:
        if i not in gm and j not in pm:
            gm[i], pm[j] = j, i
    return gm


def classify(a, p, P):
    K, T, S = nows(a['kicker']), nows(a['title']), nows(a['subtitle'])
    if not T:
        return 'gold title "" (continuation/photo), pred has one' if p else 'unmatched, gold title ""'
    heads = lambda q: nows(q['kicker'] + q['title'] + q['subtitle'])
    elsewhere = any(q is not p and T in heads(q) for q in P)
    in_body = any(T in nows(x) for q in P for x in q['paragraphs'])
    if p is None:
        if any(T in nows(q['title']) for q in P):
            return 'unmatched article, its title printed on a pred story'
        return 'unmatched article'
    pk, pt, pst = nows(p['kicker']), nows(p['title']), nows(p['subtitle'])
    sfx = ' [spaced]' if ' ' in p['title'].strip() or ' ' in p['kicker'].strip() else ''
    if not (pk or pt or pst):
        if elsewhere:
            return 'no headline; title on another story'
        return 'no headline; title read as body' if in_body else 'no headline; title lost'
    if pk == T or pst == T:
        return 'naming: title read as ' + ('kicker' if pk == T else 'subtitle') + sfx
    if T in pt:
        if K and pt.startswith(K):
            return 'glued: kicker+title' + sfx
        if S and S in pt:
            return 'glued: title+subtitle' + sfx
        return 'glued: title+other line' + sfx
    if pt in T:
        return 'title cut short' + sfx
    if T in pk + pt + pst:
        return 'title split across parts' + sfx
    if elsewhere:
        return 'title on another story' + sfx
    return ('title read as body' if in_body else 'other') + sfx


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    gdir, pdir = argv[1], argv[2]
    lo, hi = (int(argv[3]), int(argv[4])) if len(argv) > 4 else (0, 10**9)
    show = argv[5] if len(argv) > 5 else None
    counts, cases, total = collections.Counter(), collections.defaultdict(list), 0
    for name in sorted(os.listdir(pdir)):
        if not name.endswith('.json'):
            continue
        base = name[:-5]
        if base[:1] == 'g' and base[1:].isdigit() and not lo <= int(base[1:]) <= hi:
            continue
        gold, _ = ps.load(os.path.join(gdir, base + '.gold.json'))
        pred, _ = ps.load(os.path.join(pdir, name))
        G, P = gold['articles'], pred['articles']
        gm = pair(G, P)
        for i, a in enumerate(G):
            total += 1
            p = P[gm[i]] if i in gm else None
            if p is not None and nows(p['title']) == nows(a['title']):
                counts['ok'] += 1
                continue
            k = classify(a, p, P)
            counts[k] += 1
            got = 'K=%r T=%r S=%r' % (p['kicker'], p['title'], p['subtitle']) if p else '-'
            cases[k].append('%s gold K=%r T=%r S=%r | got %s' % (base, a['kicker'], a['title'], a['subtitle'], got))
    print('gold articles', total)
    for k, n in counts.most_common():
        print('%5d %s' % (n, k))
    for k in cases:
        if show and (show == 'all' or show in k):
            for c in cases[k]:
                print(k, '|', c)


if __name__ == '__main__':
    main(sys.argv)
