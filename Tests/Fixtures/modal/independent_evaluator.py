#!/usr/bin/env python3
"""Independent evaluator of modal-agent matchups, for checking the Swift ModalAgents module.

Regenerate the committed output with (from the repository root):

    python3 Tests/Fixtures/modal/independent_evaluator.py > Tests/Fixtures/modal/independent_evaluator.json

Plain CPython 3 (no packages). It shares no code with the Swift module and uses a different
algorithm: formulas are explicit trees; a matchup's equations are built by recursion over the
third-party references (as `competition` in the 2013 reference code, modal.hs); the value of a
variable at world n of GL's linear Kripke chain is computed by memoised recursion on the worlds
(box phi at n = phi at every m < n; [k]phi at n = phi at every m with k <= m < n), with no stopping
rule: every variable is evaluated at worlds 0 ... H with H = (largest grade) + (number of box
occurrences in the system) + 2, past the bound K + B of the notes' section 4.3, and the standard-model
value is the value at world H. "Provable" means true at every world 0 ... H.

The enumeration of fully modalized rank-0 formulas follows the rules stated in the Swift
RankZeroEnumerator (symbols T F me(them) them(me) ~ & | []; no double negation; one order of each
commutative pair; no phi & phi), implemented here from that description.

Output (JSON): enumeration counts per size; the library (names, formulas, moves matrix, provability
matrix, and the trace of each row agent's variable); a seeded sample of enumerated matchups.
"""

import json
import random
import sys

sys.setrecursionlimit(100000)

# ---------------------------------------------------------------- formulas

# A formula is a tuple: ('T',), ('F',), ('me',), ('them',), ('vs', name), ('not', a), ('and', a, b),
# ('or', a, b), ('imp', a, b), ('iff', a, b), ('box', k, a), ('dia', k, a).


def parse(text):
    """Parses ASCII formulas: T F ~ & | -> <-> [] <> [k] <k>, them(me), me(them), them(X)."""
    tokens = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith('<->', i):
            tokens.append('<->'); i += 3
        elif text.startswith('->', i):
            tokens.append('->'); i += 2
        elif text.startswith('[]', i):
            tokens.append(('box', 0)); i += 2
        elif text.startswith('<>', i):
            tokens.append(('dia', 0)); i += 2
        elif c in '[<' and i + 1 < len(text) and text[i + 1].isdigit():
            j = i + 1
            while text[j].isdigit():
                j += 1
            assert text[j] == (']' if c == '[' else '>'), text
            tokens.append(('box' if c == '[' else 'dia', int(text[i + 1:j]))); i = j + 1
        elif c in '~&|()':
            tokens.append(c); i += 1
        elif c.isalpha() or c == '_':
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] == '_'):
                j += 1
            word = text[i:j]
            i = j
            if word in ('them', 'me'):
                assert text[i] == '(', text
                k = text.index(')', i)
                arg = text[i + 1:k].strip()
                i = k + 1
                if word == 'me':
                    assert arg == 'them'
                    tokens.append(('atom', ('me',)))
                elif arg == 'me':
                    tokens.append(('atom', ('them',)))
                else:
                    tokens.append(('atom', ('vs', arg)))
            elif word == 'T':
                tokens.append(('atom', ('T',)))
            elif word == 'F':
                tokens.append(('atom', ('F',)))
            else:
                raise ValueError('unknown word ' + word)
        else:
            raise ValueError('bad character %r in %r' % (c, text))
    position = [0]

    def peek():
        return tokens[position[0]] if position[0] < len(tokens) else None

    def take():
        position[0] += 1
        return tokens[position[0] - 1]

    def iff():
        left = imp()
        while peek() == '<->':
            take()
            left = ('iff', left, imp())
        return left

    def imp():
        left = disj()
        if peek() == '->':
            take()
            return ('imp', left, imp())
        return left

    def disj():
        left = conj()
        while peek() == '|':
            take()
            left = ('or', left, conj())
        return left

    def conj():
        left = unary()
        while peek() == '&':
            take()
            left = ('and', left, unary())
        return left

    def unary():
        t = take()
        if t == '~':
            return ('not', unary())
        if isinstance(t, tuple) and t[0] in ('box', 'dia'):
            return (t[0], t[1], unary())
        if t == '(':
            inner = iff()
            assert take() == ')'
            return inner
        assert isinstance(t, tuple) and t[0] == 'atom', t
        return t[1]

    result = iff()
    assert position[0] == len(tokens), text
    return result


def show(f):
    """Fully parenthesised ASCII."""
    tag = f[0]
    if tag == 'T': return 'T'
    if tag == 'F': return 'F'
    if tag == 'me': return 'me(them)'
    if tag == 'them': return 'them(me)'
    if tag == 'vs': return 'them(%s)' % f[1]
    if tag == 'not': return '~' + show(f[1])
    if tag in ('box', 'dia'):
        k = f[1]
        prefix = ('[]' if tag == 'box' else '<>') if k == 0 else ('[%d]' % k if tag == 'box' else '<%d>' % k)
        return prefix + show(f[2])
    op = {'and': '&', 'or': '|', 'imp': '->', 'iff': '<->'}[tag]
    return '(%s %s %s)' % (show(f[1]), op, show(f[2]))


def references(f):
    if f[0] == 'vs':
        return {f[1]}
    result = set()
    for child in f[1:]:
        if isinstance(child, tuple):
            result |= references(child)
    return result


def boxes_and_grade(f):
    """(number of box/diamond occurrences, largest grade)."""
    if f[0] in ('box', 'dia'):
        n, k = boxes_and_grade(f[2])
        return n + 1, max(k, f[1])
    n, k = 0, 0
    for child in f[1:]:
        if isinstance(child, tuple):
            a, b = boxes_and_grade(child)
            n, k = n + a, max(k, b)
    return n, k


# ---------------------------------------------------------------- the library (from the notes' table)

LIBRARY_TEXT = [
    ('CooperateBot', 'T'),
    ('DefectBot', 'F'),
    ('FairBot', '[] them(me)'),
    ('FairBot_1', '[1] them(me)'),
    ('FairBot_2', '[2] them(me)'),
    ('PrudentBot', '[] them(me) & [1] ~them(DefectBot)'),
    ('PrudentBot_2', '[] them(me) & [2] ~them(DefectBot)'),
    ('TrollBot', '[] them(DefectBot)'),
    ('JustBot', '[] them(FairBot)'),
    ('NiceBot', '[] them(CooperateBot)'),
    ('WaitFairBot_1', '~[]F & [](~[]F -> them(me))'),
    ('WaitFairBot_2', '~[][]F & [](~[][]F -> them(me))'),
    ('MagicBot', '[1]([] me(them) -> them(me))'),
    ('ContrarianBot', '~[] them(me)'),
    ('RaifBot', '~[]~them(me)'),
    ('UnfairBot', '[]~them(me)'),
]
LIBRARY = {name: parse(text) for name, text in LIBRARY_TEXT}


# ---------------------------------------------------------------- matchups

def substitute(f, me, them, env):
    """Agent me's formula against opponent `them`: atoms become pair variables (x, y)."""
    tag = f[0]
    if tag == 'me': return ('var', (me, them))
    if tag == 'them': return ('var', (them, me))
    if tag == 'vs': return ('var', (them, f[1]))
    if tag in ('T', 'F'): return f
    if tag == 'not': return ('not', substitute(f[1], me, them, env))
    if tag in ('box', 'dia'): return (tag, f[1], substitute(f[2], me, them, env))
    return (tag, substitute(f[1], me, them, env), substitute(f[2], me, them, env))


def variables_in(f):
    if f[0] == 'var':
        return [f[1]]
    result = []
    for child in f[1:]:
        if isinstance(child, tuple):
            result += variables_in(child)
    return result


def matchup(first, second, env):
    """Returns (values of first(second) and second(first) at worlds 0..H, H)."""
    equations = {}
    todo = [(first, second), (second, first)]
    while todo:
        pair = todo.pop()
        if pair in equations:
            continue
        me, them = pair
        equations[pair] = substitute(env[me], me, them, env)
        todo += variables_in(equations[pair])
    total_boxes, grade = 0, 0
    for f in equations.values():
        n, k = boxes_and_grade(f)
        total_boxes += n
        grade = max(grade, k)
    horizon = grade + total_boxes + 2
    memo = {}

    def value(f, n):
        tag = f[0]
        if tag == 'T': return True
        if tag == 'F': return False
        if tag == 'var':
            key = (f[1], n)
            if key not in memo:
                memo[key] = value(equations[f[1]], n)
            return memo[key]
        if tag == 'not': return not value(f[1], n)
        if tag == 'and': return value(f[1], n) and value(f[2], n)
        if tag == 'or': return value(f[1], n) or value(f[2], n)
        if tag == 'imp': return (not value(f[1], n)) or value(f[2], n)
        if tag == 'iff': return value(f[1], n) == value(f[2], n)
        if tag == 'box': return all(value(f[2], m) for m in range(f[1], n))
        if tag == 'dia': return not all(not value(f[2], m) for m in range(f[1], n))
        raise ValueError(tag)

    # Evaluate world by world upwards so that the recursion stays shallow; at least worlds 0 ... 7
    # for the traces in the output. The standard-model value is the last one (world >= H).
    last = max(horizon, 7)
    a = [value(('var', (first, second)), n) for n in range(last + 1)]
    b = [value(('var', (second, first)), n) for n in range(last + 1)]
    return a, b, horizon


# ---------------------------------------------------------------- enumeration

def enumerate_formulas(max_size):
    anything = {1: [('T',), ('F',), ('me',), ('them',)]}
    modal = {1: [('T',), ('F',)]}

    def binaries(lists, size):
        out = []
        for i in range(1, size - 1):
            j = size - 1 - i
            if i > j:
                continue
            for op in ('and', 'or'):
                left, right = lists[i], lists[j]
                for a in range(len(left)):
                    for b in range(a + 1 if i == j else 0, len(right)):
                        out.append((op, left[a], right[b]))
        return out

    for size in range(2, max_size + 1):
        g = [('not', x) for x in anything[size - 1] if x[0] != 'not']
        g += [('box', 0, x) for x in anything[size - 1]]
        g += binaries(anything, size)
        f = [('not', x) for x in modal[size - 1] if x[0] != 'not']
        f += [('box', 0, x) for x in anything[size - 1]]
        f += binaries(modal, size)
        anything[size] = g
        modal[size] = f
    return modal


def main():
    counts_size = 7
    modal = enumerate_formulas(counts_size)
    counts = [len(modal[s]) for s in range(1, counts_size + 1)]

    names = [name for name, _ in LIBRARY_TEXT]
    moves, provable, traces = [], [], []
    for x in names:
        row_moves, row_provable, row_traces = [], [], []
        for y in names:
            a, b, horizon = matchup(x, y, LIBRARY)
            row_moves.append('C' if a[-1] else 'D')
            row_provable.append(all(a))
            row_traces.append(''.join('1' if v else '0' for v in a[:8]))
        moves.append(row_moves)
        provable.append(row_provable)
        traces.append(row_traces)

    # A seeded sample of matchups among the enumerated agents up to size 6, and every pair of the
    # first 40.
    population = [f for s in range(1, 7) for f in modal[s]]
    rng = random.Random(20240322)
    pairs = [(i, j) for i in range(40) for j in range(i, 40)]
    pairs += [(rng.randrange(len(population)), rng.randrange(len(population))) for _ in range(1500)]
    sample = []
    for i, j in pairs:
        env = {'X': population[i], 'Y': population[j]}
        if i == j:
            a, _, horizon = matchup('X', 'X', env)
            b = a
        else:
            a, b, horizon = matchup('X', 'Y', env)
        sample.append({
            'first': show(population[i]), 'second': show(population[j]),
            'moves': ('C' if a[-1] else 'D') + ('C' if b[-1] else 'D'),
            'provable': [all(a), all(b)],
            'trace': ''.join('1' if v else '0' for v in a[:8]),
        })

    # Compact JSON, one matrix row or sample matchup a line.
    def dump(value):
        return json.dumps(value, ensure_ascii=False, separators=(', ', ': '))

    lines = ['{']
    lines.append(' "command": %s,' % dump('python3 Tests/Fixtures/modal/independent_evaluator.py > Tests/Fixtures/modal/independent_evaluator.json'))
    lines.append(' "enumeration_counts": %s,' % dump(counts))
    lines.append(' "library": {')
    lines.append('  "agents": [\n   ' + ',\n   '.join(dump({'name': n, 'formula': show(LIBRARY[n])}) for n in names) + '],')
    for key, matrix in (('moves', moves), ('provable', provable), ('traces', traces)):
        last = key == 'traces'
        lines.append('  "%s": [\n   ' % key + ',\n   '.join(dump(row) for row in matrix) + ']' + ('' if last else ','))
    lines.append(' },')
    lines.append(' "sample": [\n  ' + ',\n  '.join(dump(entry) for entry in sample) + ']')
    lines.append('}')
    print('\n'.join(lines))


if __name__ == '__main__':
    main()
