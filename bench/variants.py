#!/usr/bin/env python3
"""Rewrites every page of the development set in ways that keep its meaning, parses the
originals and each rewrite with `ombuds parse`, and lists the pages whose finding,
payment roles, agreed amounts, remedies, outcome or unstated-payment flag change.

A rule that keys on one spelling (`the Council`, `we`, `£1,000`, a curly apostrophe,
numbered paragraphs) shows up here as a difference; real decisions the project has never
seen use the other spellings. Nothing here is scored against truth: a rewrite should
simply read the same.

Usage: bench/variants.py [--bin PATH] [--devset DIR] [VARIANT ...]
  (defaults: target/release/ombuds, ../shared/devset, every variant)
"""
import argparse
import collections
import json
import os
import re
import subprocess
import tempfile
import textwrap



def v_names(t):
    return re.sub(r'\b(Mr|Mrs|Ms|Miss|Dr|Mx)( and (?:Mr|Mrs|Ms))?\s([A-Z])\b',
                  lambda m: m.group(1) + (m.group(2) or '') + ' ' + {'X': 'Q', 'Y': 'W', 'Z': 'V'}.get(m.group(3), 'X'), t)


def v_apos_straight(t): return t.replace('\u2019', "'").replace('\u2018', "'")
def v_apos_curly(t): return re.sub(r"(\w)'(\w)", '\\1\u2019\\2', t)
def v_council_lower(t): return re.sub(r'\bthe Council\b', 'the council', t)


WE_I = [('recommend', 'recommend'), ('find', 'find'), ('consider', 'consider'), ('have', 'have'), ('will', 'will'),
        ('cannot', 'cannot'), ('do not', 'do not'), ('asked', 'asked'), ('found', 'found'), ('are', 'am'), ('welcome', 'welcome'),
        ('should', 'should'), ('would', 'would'), ('did not', 'did not'), ('note', 'note'), ('agree', 'agree')]


def v_we_i(t):
    for a, b in WE_I:
        t = re.sub(r'\b[Ww]e ' + a + r'\b', 'I ' + b, t)
    t = re.sub(r'\bour view\b', 'my view', t)
    return t


def v_i_we(t):
    start = r'((?:^|[.!?]["”’)]?\s+|\n\s*(?:\d+\.\s+|-\s+)?))'
    for a, b in WE_I:
        t = re.sub(start + r'I ' + b + r'\b', r'\1We ' + a, t)
        t = re.sub(r'\bI ' + b + r'\b', 'we ' + a, t)
    t = re.sub(r'\bmy view\b', 'our view', t)
    return t


def v_thousands(t): return re.sub(r'£(\d{1,3}),(\d{3})\b', r'£\1\2', t)
def v_pence(t): return re.sub(r'£(\d[\d,]*)(?![\d.,])', r'£\1.00', t)
def v_nonum(t): return re.sub(r'(?m)^(\s*)\d{1,3}\.\s+', r'\1', t)
def v_bullets(t): return re.sub(r'(?m)^(\s*)\d{1,3}\.\s+', r'\1- ', t)
def v_amount(t): return re.sub(r'£(\d[\d,]*)(?![\d])', lambda m: '£' + format(int(m.group(1).replace(',', '')) + 5, ','), t)
def v_nbsp(t): return re.sub(r'(pay|paid|of|the) £', '\\1\u00a0£', t)
def v_singleline(t): return re.sub(r'\n\n+', '\n', t)


CONTRACTIONS = [('did not', "didn't"), ('do not', "don't"), ('does not', "doesn't"), ('was not', "wasn't"),
                ('were not', "weren't"), ('is not', "isn't"), ('are not', "aren't"), ('has not', "hasn't"),
                ('have not', "haven't"), ('had not', "hadn't"), ('cannot', "can't"), ('could not', "couldn't"),
                ('would not', "wouldn't"), ('should not', "shouldn't"), ('will not', "won't")]


def v_contract(t):
    for a, b in CONTRACTIONS:
        t = re.sub(r'\b' + a + r'\b', b, t)
        t = re.sub(r'\b' + a.capitalize() + r'\b', b.capitalize(), t)
    return t


def v_expand(t):
    for a, b in CONTRACTIONS:
        for apos in ("'", '\u2019'):
            c = b.replace("'", apos)
            t = re.sub(r'\b' + re.escape(c) + r'(?!\w)', a, t)
            t = re.sub(r'\b' + re.escape(c.capitalize()) + r'(?!\w)', a.capitalize(), t)
    return t


# Headings the LGSCO has used for the same sections over the years.
HEADINGS = [('My assessment', 'Analysis'), ('What I found', 'What happened'),
            ('How I considered this complaint', 'How I considered this'),
            ('Final decision', 'Decision'), ('Agreed action', 'Action'),
            ('What I have investigated', 'What I investigated')]


def v_headings(t):
    for a, b in HEADINGS:
        t = re.sub(r'(?m)^(\s*)' + a + r'(\s*)$', r'\1' + b + r'\2', t)
    return t


def v_heading_case(t):
    # `My Assessment`, `The Complaint`: headings in title case.
    heads = '|'.join(['The complaint', 'My assessment', 'What I found', 'Final decision', 'Agreed action',
                      'How I considered this complaint', 'What I have investigated', 'Back to top'])
    return re.sub(r'(?m)^(\s*)(' + heads + r')(\s*)$', lambda m: m.group(1) + m.group(2).title() + m.group(3), t)


def v_gender(t):
    # Mrs X and her for Mr X and him/his (the grammar need not be perfect to read the same).
    t = re.sub(r'\b(?:Mrs|Ms|Miss)\b(?= [A-Z]\b)', 'Mr', t)
    t = re.sub(r'\b(pay|paid|paying|give|gave|told|offered|refund|reimburse|asked) her\b', r'\1 him', t)
    for a, b in (('she', 'he'), ('She', 'He'), ('her', 'his'), ('Her', 'His'), ('herself', 'himself')):
        t = re.sub(r'\b' + a + r'\b', b, t)
    return t


def v_bullets_dot(t): return re.sub(r'(?m)^(\s*)(?:\d{1,3}\.|-)\s+', '\\1\u2022 ', t)
def v_numbered_paren(t): return re.sub(r'(?m)^(\s*)(\d{1,3})\.\s+', r'\1\2) ', t)


THIRD = [('have', 'has'), ('found', 'found'), ('find', 'finds'), ('recommend', 'recommends'),
         ('consider', 'considers'), ('will', 'will'), ('do not', 'does not'), ('did not', 'did not'),
         ('are', 'is'), ('cannot', 'cannot'), ('welcome', 'welcomes'), ('asked', 'asked'),
         ('should', 'should'), ('uphold', 'upholds'), ('note', 'notes'), ('agree', 'agrees')]


def v_ombudsman(t):
    # `We recommend` -> `The Ombudsman recommends`, the decision in the third person.
    for a, b in THIRD:
        t = re.sub(r'\b(?:We|I) ' + a + r'\b', 'The Ombudsman ' + b, t)
        t = re.sub(r'\b(?:we|I) ' + a + r'\b', 'the Ombudsman ' + b, t)
    return t


def v_complainant(t):
    # `Mrs X` -> `the complainant` (`The complainant` opening a sentence or line).
    person = r'\b(?:Mr and Mrs|Mrs|Mr|Ms|Miss|Dr|Mx) [A-Z]\b(?![’\'])'
    t = re.sub(r'(^|[.!?:]\s+|\n\s*(?:\d+\.\s+|-\s+)?)' + person, r'\1The complainant', t)
    return re.sub(person, 'the complainant', t)


def v_agreed_past(t):
    return re.sub(r'\bhas agreed to\b', 'agreed to', re.sub(r'\bhave agreed to\b', 'agreed to', t))


def v_pay_to(t):
    # `pay Mrs X £300` -> `pay £300 to Mrs X`.
    return re.sub(r'\b(pay|paid|refund|reimburse)\s+((?:Mr and Mrs|Mrs|Mr|Ms|Miss|Dr|Mx) [A-Z])\s+(£[\d,.]+)',
                  r'\1 \3 to \2', t)


def v_must(t):
    # What the body is asked to do, in other modal verbs.
    return re.sub(r'\b(the|The) Council should\b(?! have)', r'\1 Council must', t)


def v_wrapped(t):
    # Long lines hard-wrapped at 72 columns, as in text copied from a PDF or an e-mail.
    return '\n'.join(textwrap.fill(line, 72, break_long_words=False, break_on_hyphens=False)
                     if len(line) > 72 else line for line in t.split('\n'))


def v_crlf(t): return t.replace('\n', '\r\n')
def v_two_spaces(t): return re.sub(r'([.;:]) (?=[A-Z])', r'\1  ', t)
def v_pounds_word(t): return re.sub(r'£(\d{1,3}(?:,\d{3})*|\d+)(?![\d.,]*\d|[A-Za-z])', r'\1 pounds', t)


def body(name):
    return lambda t: re.sub(r'\bthe Council\b', 'the ' + name, re.sub(r'\bThe Council\b', 'The ' + name, t))


VARIANTS = {
    # The body under other names.
    'authority': body('Authority'), 'local_authority': body('local authority'),
    'care_provider': body('Care Provider'), 'care_home': body('Care Home'),
    'trust': body('Trust'), 'company': body('Company'), 'county_council': body('County Council'),
    'council_lower': v_council_lower,
    # People, voice and typography.
    'names': v_names, 'gender': v_gender, 'complainant': v_complainant,
    'we_i': v_we_i, 'i_we': v_i_we, 'ombudsman': v_ombudsman, 'agreed_past': v_agreed_past,
    'apos_straight': v_apos_straight, 'apos_curly': v_apos_curly,
    # Money written otherwise.
    'pay_to': v_pay_to, 'must': v_must,
    'thousands': v_thousands, 'pence': v_pence, 'amount5': v_amount, 'nbsp': v_nbsp,
    # Layout.
    'nonum': v_nonum, 'bullets': v_bullets, 'singleline': v_singleline,
    'bullets_dot': v_bullets_dot, 'numbered_paren': v_numbered_paren,
    'crlf': v_crlf, 'wrapped': v_wrapped, 'two_spaces': v_two_spaces, 'headings': v_headings, 'heading_case': v_heading_case,
    # Words written otherwise.
    'contract': v_contract, 'expand': v_expand, 'pounds_word': v_pounds_word,
}


def run(texts, name):
    p = os.path.join(WORK, f'{name}.jsonl')
    with open(p, 'w') as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({'text': t, 'url': f'u{i}'}) + '\n')
    out = subprocess.run([ARGS.bin, 'parse', p, '--format', 'jsonl'], capture_output=True, text=True, check=False).stdout
    res = {}
    for l in out.splitlines():
        d = json.loads(l)
        res[d['url']] = d
    return res


def summ(d):
    if d is None:
        return None
    return {'finding': d.get('finding'),
            'roles': sorted(p['role'] for p in d.get('payments', [])),
            'agreed': sorted(round(p['amount']) for p in d.get('payments', []) if p['role'] == 'agreed'),
            'remedies': sorted(d.get('remedies', [])),
            'outcome': d.get('outcome'), 'unstated': d.get('payment_amount_unstated')}


PARSER = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
PARSER.add_argument('--bin', default='target/release/ombuds')
PARSER.add_argument('--devset', default='../shared/devset')
PARSER.add_argument('variants', nargs='*', choices=[[]] + list(VARIANTS), metavar='VARIANT',
                    help=', '.join(VARIANTS))
ARGS = PARSER.parse_args()
pages = [json.loads(l) for l in open(os.path.join(ARGS.devset, 'lgo_pages.jsonl'))]
WORK = tempfile.mkdtemp(prefix='ombuds-variants-')
base = run([p['text'] for p in pages], 'base')
only = ARGS.variants or list(VARIANTS)
total = 0
for name in only:
    fn = VARIANTS[name]
    texts = [fn(p['text']) for p in pages]
    var = run(texts, name)
    diffs = []
    for i, p in enumerate(pages):
        a = summ(base.get(f'u{i}'))
        b = summ(var.get(f'u{i}'))
        if a is None or b is None:
            if (a is None) != (b is None):
                diffs.append((i, 'parsed?', a is None, b is None))
            continue
        for k in a:
            x, y = a[k], b[k]
            if name == 'amount5' and k == 'agreed':
                y = [v - 5 for v in y]
            if x != y:
                diffs.append((i, k, x, y))
    changed = len(set(d[0] for d in diffs))
    total += changed
    print(f'{name:16} {changed:3} pages read differently')
    for d in diffs[:40]:
        print('  ', pages[d[0]]['url'].rsplit('/', 1)[1], d[1], d[2], '->', d[3])
print(f'{len(pages)} pages, {len(only)} rewrites: {total} page readings changed')
