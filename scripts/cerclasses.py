#!/usr/bin/env python3
"""cerclasses.py GOLD_DIR PRED_DIR [-v] - share out body_cer's edits among
the kinds of error that make them, counted as paperscore counts them.

Each page's gold and predicted articles are matched as paperscore matches
them; every edit it counts is then put in one class:
  unmatched gold article (all deleted): merged into a predicted story that
    matched another gold article, split into pieces none of which matched,
    put in headline fields, or lost;
  unmatched prediction (all inserted): a piece split off a gold story, a run
    of several gold stories, or text gold does not have;
  matched pair: text of another gold story taken in (merge), text of its
    own gold story left out (split / heads / lost), text gold lacks, and the
    rest (edits inside paragraphs).
Where a story ran into another, the paragraph the join happened at is
printed with -v, and what stood there: the gold story's headline read as
body, no headline in gold (a brief, a continuation), the gold headline kept
as the merged story's title.
"""
import collections
import importlib.machinery
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
tool = os.path.join(here, '..', '..', 'shared', 'tools', 'paperscore')
if not os.path.exists(tool):
    tool = '/work/shared/tools/paperscore'
loader = importlib.machinery.SourceFileLoader('paperscore', tool)
spec = importlib.util.spec_from_loader('paperscore', loader)
ps = importlib.util.module_from_spec(spec)
loader.exec_module(ps)
nows, lev = ps.nows, ps.lev
K = 6  # shingle length, characters


def shingles(s):
    return [s[i:i + K] for i in range(0, max(1, len(s) - K + 1), K)]


def owner(text, index):
    """The article (index into a list of bodies) most of text's shingles
    come from, and the share they make; (-1, 0) when none."""
    votes = collections.Counter()
    sh = shingles(text)
    for x in sh:
        for a in index.get(x, ()):
            votes[a] += 1
    if not votes:
        return -1, 0.0
    a, n = votes.most_common(1)[0]
    return a, n / len(sh)


def build_index(bodies):
    idx = collections.defaultdict(set)
    for a, b in enumerate(bodies):
        for i in range(len(b) - K + 1):
            idx[b[i:i + K]].add(a)
    return idx


def match(gb, pb):
    cache, pairs = {}, []
    for i, g in enumerate(gb):
        for j, p in enumerate(pb):
            L = max(len(g), len(p))
            if L == 0 or min(len(g), len(p)) / L < 0.5:
                continue
            d = lev(g, p)
            cache[i, j] = d
            if 1 - d / L >= 0.5:
                pairs.append((1 - d / L, -i, -j, i, j))
    pairs.sort(reverse=True)
    gm, pm = {}, {}
    for _, _, _, i, j in pairs:
        if i not in gm and j not in pm:
            gm[i], pm[j] = j, i
    return gm, pm, cache


def heads(a):
    return nows(a['title'] + a['kicker'] + a['subtitle'] + a['byline'])


def clip(s, n=24):
    s = nows(s)
    return s if len(s) <= n else s[:n] + '…'


def page(name, gold, pred, cost, notes):
    G, P = gold['articles'], pred['articles']
    gb = [nows(''.join(a['paragraphs'])) for a in G]
    pb = [nows(''.join(a['paragraphs'])) for a in P]
    gm, pm, cache = match(gb, pb)
    gidx, pidx = build_index(gb), build_index(pb)
    pheads = ''.join(heads(a) for a in P)

    def gold_owner(text):
        return owner(text, gidx)

    # Per predicted paragraph, its gold article.
    pown = []
    for j, a in enumerate(P):
        pown.append([gold_owner(nows(q))[0] for q in a['paragraphs']])

    def join_note(j, i):
        """Where gold story i starts inside predicted story j."""
        paras = P[j]['paragraphs']
        k = next((k for k, o in enumerate(pown[j]) if o == i), None)
        if k is None:
            return 'join not found', ''
        prev = paras[k - 1] if k > 0 else '(title) ' + P[j]['title']
        t = nows(G[i]['title'])
        if not t:
            what = 'no gold headline'
        elif any(nows(q) == t for q in paras):
            what = 'headline kept as a paragraph (subhead)'
        elif any(t in nows(q) for q in paras):
            what = 'headline glued into a body line'
        elif t in pb[j]:
            what = 'headline read as body, over lines'
        elif t in nows(P[j]['title'] + P[j]['subtitle'] + P[j]['kicker']):
            what = 'headline kept as merged title'
        elif t in pheads:
            what = 'headline in another head'
        else:
            what = 'headline elsewhere/lost'
        return what, '%s | %s' % (clip(prev), clip(paras[k]))

    def where(i, text):
        """Where gold text of article i went: a class name."""
        j, share = owner(text, pidx)
        if j < 0 or share < 0.3:
            if text[:K * 2] and text[:K * 2] in pheads:
                return 'in heads'
            return 'lost'
        return j

    for i, a in enumerate(G):
        if i in gm:
            continue
        # Unmatched gold: where did its paragraphs go?
        dest = collections.Counter()
        for q in a['paragraphs']:
            w = where(i, nows(q))
            dest[w] += len(nows(q))
        top, n = dest.most_common(1)[0] if dest else ('lost', 0)
        if top in ('lost', 'in heads'):
            c = 'gold unmatched: ' + top
        elif len([d for d in dest if isinstance(d, int)]) > 1 and n < 0.7 * len(gb[i]):
            c = 'gold unmatched: split in pieces'
        elif top in pm:
            c = 'gold unmatched: merged into matched story'
            what, at = join_note(top, i)
            c += ' (%s)' % what
            notes.append((c, name, len(gb[i]), 'title=%s at: %s' % (clip(a['title'], 16), at)))
        else:
            c = 'gold unmatched: in unmatched prediction'
        cost[c] += len(gb[i])
        if not c.startswith('gold unmatched: merged'):
            notes.append((c, name, len(gb[i]), 'title=%s' % clip(a['title'], 16)))
    for j, a in enumerate(P):
        if j in pm:
            continue
        owners = collections.Counter()
        for q, o in zip(a['paragraphs'], pown[j]):
            owners[o] += len(nows(q))
        real = [o for o in owners if o >= 0]
        if not real:
            c = 'pred unmatched: text gold lacks'
        elif len(real) > 1 and max(owners[o] for o in real) < 0.8 * len(pb[j]):
            c = 'pred unmatched: several gold stories'
        elif real[0] in gm or max(real, key=lambda o: owners[o]) in gm:
            c = 'pred unmatched: piece split off a matched story'
        else:
            c = 'pred unmatched: piece of an unmatched story'
        cost[c] += len(pb[j])
        first = a['paragraphs'][0] if a['paragraphs'] else ''
        notes.append((c, name, len(pb[j]), 'title=%s first=%s' % (clip(a['title'], 16), clip(first))))
    for i, j in gm.items():
        d = cache[i, j]
        if d == 0:
            continue
        extra = collections.Counter()
        for q, o in zip(P[j]['paragraphs'], pown[j]):
            if o != i:
                extra['other story' if o >= 0 else 'gold lacks'] += len(nows(q))
        miss = collections.Counter()
        for q in G[i]['paragraphs']:
            t = nows(q)
            if t and t not in pb[j]:
                w = where(i, t)
                if w == j:
                    continue  # the paragraph is there, edited
                miss['in heads' if w == 'in heads' else 'lost' if w == 'lost' else 'in another story'] += len(t)
        left = d
        items = [('matched: extra text from ' + k, k, v) for k, v in extra.items()]
        items += [('matched: missing text ' + k, k, v) for k, v in miss.items()]
        for key, k, v in items:
            v = min(v, left)
            left -= v
            cost[key] += v
            if v >= 30:
                if k == 'other story':
                    ks = [o for o in pown[j] if o != i and o >= 0]
                    notes.append((key, name, v, 'into %s from %s' % (clip(G[i]['title'], 12), clip(G[ks[0]]['title'], 12) if ks else '?')))
                else:
                    notes.append((key, name, v, 'story %s' % clip(G[i]['title'], 16)))
        cost['matched: edits within paragraphs'] += left


def main(argv):
    gd, pd = argv[1], argv[2]
    verbose = '-v' in argv
    cost, notes = collections.Counter(), []
    total_edits = total_chars = 0
    for f in sorted(os.listdir(gd)):
        if not f.endswith('.gold.json'):
            continue
        name = f[:-len('.gold.json')]
        pp = os.path.join(pd, name + '.json')
        if not os.path.exists(pp):
            continue
        gold, _ = ps.load(os.path.join(gd, f))
        pred, _ = ps.load(pp)
        c = ps.score_page(gold, pred)
        total_edits += c['edits']
        total_chars += c['gold_chars']
        page(name, gold, pred, cost, notes)
    print('edits %d of %d gold chars, body_cer %.4f; classes add to %d' % (
        total_edits, total_chars, total_edits / max(1, total_chars), sum(cost.values())))
    for k, v in cost.most_common():
        print('%8d  %.4f  %s' % (v, v / max(1, total_chars), k))
    if verbose:
        notes.sort(key=lambda x: (x[0], -x[2]))
        for c, name, n, what in notes:
            print('%-60s %s %6d %s' % (c, name, n, what))


if __name__ == '__main__':
    main(sys.argv)
