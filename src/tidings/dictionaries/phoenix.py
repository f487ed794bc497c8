"""Compile the Phoenix/PETRARCH-2 dictionaries (MIT) into tidings' own tables.

    python -m tidings.dictionaries.phoenix ../shared/data/events/dictionaries/phoenix \\
        src/tidings/data/compiled

writes ``phoenix_verbs.tsv`` (verb patterns on the dependency parse: verb, preposition, object
words, CAMEO code, source lines), ``phoenix_actors.tsv`` (names, aliases, dated roles) and
``phoenix_agents.tsv`` (role nouns and the sectors they signal: "kidnapper", "riot police").
PETRARCH matched its patterns on phrase-structure trees; a pattern is compiled only where it
says what tidings' verb conditions can check (the verb, its particle, one object or one
prepositional phrase); the rest are counted by reason and left out.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry

VERBS_SOURCE = "CAMEO.2.0.txt"
ACTOR_SOURCES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENTS_SOURCE = "Phoenix.agents.txt"
VERBS_FILE = "phoenix_verbs.tsv"
ACTORS_FILE = "phoenix_actors.tsv"
AGENTS_FILE = "phoenix_agents.tsv"
VERB_COLUMNS = ("verb", "prep", "objects", "code", "source")
ACTOR_COLUMNS = ("name", "aliases", "country", "sectors", "from", "to", "source")
AGENT_COLUMNS = ("noun", "sectors", "source")

# Words after the verb that make a phrasal verb rather than name an object ("set off").
PARTICLES = frozenset({"up", "down", "off", "out", "back", "away", "aside", "over"})
# Words after a multi-word verb that make it a verb and its preposition ("ask for").
PREPOSITIONS = frozenset(
    {
        *("about", "across", "after", "against", "along", "among", "around", "as", "at"),
        *("before", "behind", "between", "beyond", "by", "during", "for", "from", "in"),
        *("inside", "into", "near", "of", "on", "onto", "over", "past", "since", "through"),
        *("to", "toward", "towards", "under", "upon", "with", "within", "without"),
    }
)
# tidings codes no plain statements ("said"), only specific ones (verbs.yaml).
PLAIN_STATEMENT = "010"
# Role codes tidings keeps; Phoenix's finer codes (UNO, FRM, PRS, ...) name offices, not sectors.
SECTORS = frozenset(
    {
        *("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "CVL", "MED", "NGO", "ELI"),
        *("BUS", "EDU", "HLH", "LAB", "REF", "REL", "SPY", "UAF", "CRM", "IGO", "IMG", "AGR"),
        *("ENV", "HRI", "MOD", "RAD", "SEP", "INS", "NGM"),
    }
)
# Words a role noun neither starts nor ends with: an entry such as EMBASSY_IN_ or
# A_CABINET_MEETING is part of a longer phrase PETRARCH matched, not a noun of its own.
FUNCTION_WORDS = frozenset({"a", "an", "the", "in", "of", "for", "to", "and", "on", "at", "by"})
# Codes of actors of no one country; they stand first, before any country.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "NGM"})
# CAMEO country codes that differ from ISO 3166.
CAMEO_COUNTRIES = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
# Multinational companies (MNC) are not political actors; tidings leaves them out.
LEFT_OUT_PREFIXES = ("MNC",)
# Name words written lower case in news ("al-Assad", "bin Laden", "de Villepin").
LOWER_NAME_WORDS = frozenset({"al", "el", "bin", "ibn", "de", "du", "van", "von", "der", "da"})

_GROUP = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")
_CODE = re.compile(r"\[([^\]]*)\]")
_AGENT_CODE = re.compile(r"\[~([A-Z]+)\]")
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_ROLE = re.compile(r"^([A-Z]{3,})\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?$")


@dataclass(frozen=True)
class CompiledVerb:
    """A verb pattern in tidings' terms: the verb (with its particle), the preposition it must
    govern, the words its object or the preposition's object must be, and the CAMEO code."""

    verb: str
    prep: str
    objects: frozenset[str]
    code: str
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class CompiledRole:
    """One dated role of an actor: country, sectors and the days it runs from and to."""

    country: str | None
    sectors: tuple[str, ...]
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class CompiledActor:
    """An actor entry: its name, aliases and roles, with the file and line it came from."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[CompiledRole, ...]
    source: str


@dataclass(frozen=True)
class CompiledAgent:
    """A role noun ("riot police") and the sectors it signals, with the line it came from."""

    noun: str
    sectors: tuple[str, ...]
    line: int


@dataclass
class _Block:
    verbs: list[tuple[str, str | None, int]] = field(default_factory=list)
    patterns: list[tuple[str, int]] = field(default_factory=list)
    code: str | None = None


# --- verbs --------------------------------------------------------------------------------------


def _uncomment(line: str) -> str:
    return line.split("#", 1)[0].split(";", 1)[0].rstrip()


def _primary_code(text: str) -> str | None:
    """The code of ``[042:043]`` is 042 (the second is the reverse event); ``---`` is none."""
    first = text.split(":", 1)[0].strip()
    return first if first and first != "---" and first.isdigit() else None


def read_synsets(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The synonym sets (``&NAME`` then ``+WORD`` lines), lower-case words with spaces."""
    synsets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines:
        line = _uncomment(raw).strip()
        if line.startswith("&"):
            current = synsets.setdefault(line.rstrip("_"), [])
        elif line.startswith("+") and current is not None:
            current.append(_phrase(line[1:]))
        elif line.startswith("---"):
            current = None
    return {name: tuple(words) for name, words in synsets.items()}


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").lower().split())


def _blocks(lines: list[str]) -> Iterator[_Block]:
    block: _Block | None = None
    for number, raw in enumerate(lines, start=1):
        line = _uncomment(raw)
        stripped = line.strip()
        if stripped.startswith("~") or "TRANSFORMATIONS" in raw:
            break
        if stripped.startswith("---"):
            if block is not None:
                yield block
            found = _CODE.search(stripped)
            block = _Block(code=_primary_code(found.group(1)) if found else None)
        elif block is None or not stripped or stripped.startswith("&"):
            continue
        elif stripped.startswith("-"):
            block.patterns.append((stripped[1:].strip(), number))
        else:
            word = re.sub(r"\{[^}]*\}", " ", stripped)
            found = _CODE.search(word)
            verb = _CODE.sub(" ", word).strip().lstrip("+")
            if verb:
                own = _primary_code(found.group(1)) if found else None
                block.verbs.append((_phrase(verb), own, number))
    if block is not None:
        yield block


def pattern_tokens(pattern: str) -> tuple[list[str], str | None]:
    """The tokens of a pattern (``{...}`` and ``(...)`` kept whole) and its primary code."""
    found = _CODE.search(pattern)
    code = _primary_code(found.group(1)) if found else None
    body = pattern[: found.start()] if found else pattern
    return _GROUP.findall(body), code


def compile_pattern(
    tokens: list[str], synsets: dict[str, tuple[str, ...]]
) -> tuple[str, str, frozenset[str]] | str:
    """(particle, preposition, object words) of a pattern's tokens, or why it cannot be
    compiled."""
    if "*" not in tokens:
        return "no verb position"
    position = tokens.index("*")
    if position > 0:
        return "words before the verb"
    rest = [t for t in tokens[1:] if t != "+"]
    if any(t in ("$", "%", "^") or "$" in t for t in rest):
        return "source or skip marker after the verb"
    particle = ""
    if rest and rest[0].lower() in PARTICLES:
        particle = rest.pop(0).lower()
    if len(rest) > 1:
        return "more than one constituent"
    if not rest:
        return (particle, "", frozenset())
    constituent = rest[0]
    prep = ""
    if constituent.startswith("("):
        inner = [t for t in constituent[1:-1].split() if t != "+"]
        if not inner:
            return "empty prepositional phrase"
        prep, *words = inner
        prep = prep.lower()
        if not words:
            return (particle, prep, frozenset())
        if len(words) > 1 and not all(w.isalpha() for w in words):
            return "unsupported words in prepositional phrase"
        constituent = " ".join(words) if len(words) > 1 else words[0]
        if len(words) > 1:
            constituent = "{" + constituent + "}"
    objects = _object_words(constituent, synsets)
    if isinstance(objects, str):
        return objects
    return (particle, prep, objects)


def _object_words(token: str, synsets: dict[str, tuple[str, ...]]) -> frozenset[str] | str:
    """The words a constituent stands for: a word, a ``{two words}`` compound, a synset."""
    if token.startswith("&"):
        if token.rstrip("_") not in synsets:
            return "undefined synset"
        words: Iterable[str] = synsets[token.rstrip("_")]
    elif token.startswith("{"):
        inner = token[1:-1].split()
        if any(w.startswith("&") for w in inner):
            return "synset inside a compound"
        words = [_phrase(" ".join(inner))]
    elif re.fullmatch(r"[A-Za-z][A-Za-z'-]*_?", token):
        words = [_phrase(token)]
    else:
        return "unsupported token"
    found = {form for word in words if len(word.split()) <= 2 for form in _noun_forms(word)}
    return frozenset(found) if found else "object phrase longer than two words"


def _noun_forms(phrase: str) -> set[str]:
    """A phrase and, when its last word looks plural, its singular: the parse's lemma is."""
    head, _, last = phrase.rpartition(" ")
    forms = {phrase}
    if last.endswith("ies") and len(last) > 4:
        forms.add(f"{head} {last[:-3]}y".strip())
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        forms.add(f"{head} {last[:-1]}".strip())
    return forms


def compile_verbs(
    path: Path, known_codes: frozenset[str]
) -> tuple[list[CompiledVerb], Counter[str]]:
    """The verb patterns of a PETRARCH-2 verb dictionary in tidings' terms, and how many
    patterns were left out for each reason."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = read_synsets(lines)
    skipped: Counter[str] = Counter()
    # One code per (verb, preposition, object word): the dictionary's first word stands.
    chosen: dict[tuple[str, str, str], tuple[str, int]] = {}

    def choose(
        verb: str, prep: str, words: list[str], code: str | None, line: int, listed: bool = False
    ) -> None:
        words_of_verb = verb.split()
        if len(words_of_verb) > 2 or (words_of_verb[1:] and words_of_verb[1] not in PARTICLES):
            skipped["multi-word verb the parse does not give"] += 1
        elif code is None:
            skipped["no code (null or reverse-only)"] += 1
        elif code == PLAIN_STATEMENT:
            skipped["plain statement (tidings codes none)"] += 1
        elif (listed or not prep) and words == [""] and code.endswith("0"):
            # A block's cue category ("030" for "plan", "prepare", "expect"; "080" for "go
            # through" among "allow", "approve") is its synonyms' theme, not each one's act
            # (tune half of AG News: 47 of 52 such events wrong).
            skipped["bare verb with a cue-category code"] += 1
        elif code not in known_codes:
            skipped["unknown CAMEO code"] += 1
        else:
            for word in words:
                chosen.setdefault((verb, prep, word), (code, line))

    for block in _blocks(lines):
        verbs = [(verb, own or block.code, line) for verb, own, line in block.verbs]
        for verb, code, line in verbs:
            if code is not None:
                lemma, prep = _split_multiword(verb)
                choose(lemma, prep, [""], code, line, listed=True)
        for pattern, line in block.patterns:
            tokens, code = pattern_tokens(pattern)
            parsed = compile_pattern(tokens, synsets)
            if isinstance(parsed, str):
                skipped[parsed] += len(verbs)
                continue
            particle, prep, objects = parsed
            for verb, _, _ in verbs:
                if len(verb.split()) > 1 and particle:
                    skipped["particle after a multi-word verb"] += 1
                    continue
                lemma, verb_prep = _split_multiword(f"{verb} {particle}".strip())
                if verb_prep and prep:
                    skipped["two prepositions"] += 1
                    continue
                choose(lemma, prep or verb_prep, sorted(objects) or [""], code, line)
    # A verb's bare entry and its object entries of the same code stay two patterns.
    grouped: dict[tuple[str, str, str, bool], tuple[set[str], set[int]]] = {}
    for (verb, prep, word), (code, line) in chosen.items():
        words, lines_of = grouped.setdefault((verb, prep, code, bool(word)), (set(), set()))
        words.update([word] if word else [])
        lines_of.add(line)
    compiled = [
        CompiledVerb(verb, prep, frozenset(words), code, tuple(sorted(lines_of)))
        for (verb, prep, code, _), (words, lines_of) in grouped.items()
    ]
    compiled.sort(key=lambda e: (e.verb, e.prep, e.code, sorted(e.objects)))
    return compiled, skipped


def _split_multiword(verb: str) -> tuple[str, str]:
    """("call off", "") for a phrasal verb; ("ask", "for") for a verb and its preposition."""
    words = verb.split()
    if len(words) == 1:
        return verb, ""
    if len(words) == 2 and words[1] in PARTICLES:
        return verb, ""
    if len(words) == 2 and words[1] in PREPOSITIONS:
        return words[0], words[1]
    return verb, ""


# --- actors -------------------------------------------------------------------------------------


def display_name(phrase: str) -> str:
    """A dictionary phrase as news writes it: ``BASHAR_AL-ASSAD_`` -> ``Bashar al-Assad``."""
    words = []
    for position, word in enumerate(phrase.replace("_", " ").split()):
        parts = [_cased(part) for part in word.split("-")]
        if parts[0].lower() in LOWER_NAME_WORDS and (position > 0 or len(parts) > 1):
            parts[0] = parts[0].lower()
        words.append("-".join(parts))
    return " ".join(words)


def _cased(part: str) -> str:
    # Acronyms keep their capitals where they can be told from words: "PKK", "U.N."
    if "." in part.rstrip(".") or (len(part) <= 3 and not set(part) & set("AEIOUY")):
        return part
    cased = part[:1].upper() + part[1:].lower()
    for prefix in ("Mc", "O'"):
        if cased.startswith(prefix) and len(cased) > 2:
            cased = prefix + cased[2:].capitalize()
    return cased


def parse_day(text: str) -> date:
    """A Phoenix date: YYYYMMDD or YYMMDD (years 00-30 are 2000-2030)."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def split_code(code: str) -> tuple[str | None, tuple[str, ...]] | None:
    """(country, sectors) of a CAMEO actor code, or None where tidings has no use for it."""
    if code.startswith(LEFT_OUT_PREFIXES):
        return None
    chunks = _chunks(code)
    first, rest = chunks[0], chunks[1:]
    if first in INTERNATIONAL:
        return None, (first, *(c for c in rest if c in SECTORS and c != first))
    if first in SECTORS:
        return None, tuple(c for c in chunks if c in SECTORS)
    country = CAMEO_COUNTRIES.get(first, first)
    if pycountry.countries.get(alpha_3=country) is None and country != "XKX":
        return None
    return country, tuple(dict.fromkeys(c for c in rest if c in SECTORS))


def _chunks(code: str) -> list[str]:
    """The three-letter parts of a CAMEO actor or agent code: ``AFGGOVAGR`` -> AFG, GOV, AGR."""
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def parse_role(text: str) -> CompiledRole | None:
    """A role restriction (``USAGOV >130201``, ``AFGELI 620101-950101``), or None."""
    match = _ROLE.match(" ".join(text.split()))
    if match is None:
        return None
    code, sign, day, start, end = match.groups()
    parts = split_code(code)
    if parts is None:
        return None
    try:
        if sign == ">":
            return CompiledRole(*parts, start=parse_day(day))
        if sign == "<":
            return CompiledRole(*parts, end=parse_day(day))
        if start:
            return CompiledRole(*parts, start=parse_day(start), end=parse_day(end))
    except ValueError:
        return None
    return CompiledRole(*parts)


def read_actors(path: Path) -> Iterator[CompiledActor]:
    """The entries of a Phoenix actor file (name, ``+`` synonyms, tab-indented roles)."""
    entry: tuple[str, list[str], list[CompiledRole], int] | None = None
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].split(";", 1)[0]
        stripped = line.strip()
        if not stripped or stripped.startswith(("<!--", "!")):
            continue
        codes = _CODE.findall(stripped)
        phrase = _CODE.sub(" ", stripped).strip()
        if line[0] in " \t" or not phrase:
            if entry is not None:
                entry[2].extend(r for r in map(parse_role, codes) if r is not None)
            continue
        if phrase.startswith("+"):
            if entry is not None:
                entry[1].append(display_name(phrase[1:]))
                entry[2].extend(r for r in map(parse_role, codes) if r is not None)
            continue
        if entry is not None:
            yield _actor(path, *entry)
        entry = (display_name(phrase), [], [r for r in map(parse_role, codes) if r], number)
    if entry is not None:
        yield _actor(path, *entry)


def _actor(
    path: Path, name: str, aliases: list[str], roles: list[CompiledRole], line: int
) -> CompiledActor:
    dated = [r for r in roles if r.start or r.end]
    # An undated role beside dated ones is the default once they end: tidings codes former
    # office holders itself.
    kept = dated or roles[:1]
    unique = tuple(a for a in dict.fromkeys(aliases) if a != name)
    return CompiledActor(name, unique, tuple(kept), f"{path.name}:{line}")


def compile_actors(folder: Path) -> tuple[list[CompiledActor], Counter[str]]:
    """The people and organisations of the actor files (country names left to tidings' own
    tables), and how many entries were left out for each reason."""
    actors: list[CompiledActor] = []
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    for name in ACTOR_SOURCES:
        for actor in read_actors(folder / name):
            if not actor.roles:
                skipped["no usable code"] += 1
            elif not any(role.sectors for role in actor.roles):
                skipped["country name (tidings' own tables)"] += 1
            elif actor.name in seen:
                skipped["duplicate name"] += 1
            else:
                seen.add(actor.name)
                actors.append(actor)
    return actors, skipped


# --- agents -------------------------------------------------------------------------------------


def agent_sectors(code: str) -> tuple[str, ...]:
    """The sectors tidings keeps of an agent code: ``GOVMED`` -> GOV, MED (as of an actor's
    code, a faith such as MUS is none)."""
    return tuple(dict.fromkeys(chunk for chunk in _chunks(code) if chunk in SECTORS))


def read_agents(path: Path) -> Iterator[tuple[str, str, int]]:
    """(noun, agent code, line) of each form of each entry of a Phoenix agents file: its
    phrase and the irregular forms in braces, with ``!PERSON!``-style sets expanded."""
    substitutions: dict[str, list[str]] = {}
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        substitution = _SUBSTITUTION.match(line)
        if substitution:
            words = substitution.group(2).split(",")
            substitutions[substitution.group(1)] = [word.strip() for word in words]
            continue
        codes = _AGENT_CODE.findall(line)
        if not codes:
            continue
        phrase = re.split(r"[\[{]", line, maxsplit=1)[0]
        irregular = re.findall(r"\{([^}]*)\}", line)
        for form in [phrase, *(word for forms in irregular for word in forms.split())]:
            for expanded in _expanded(form, substitutions):
                noun = " ".join(expanded.replace("_", " ").lower().split()).strip(" ,")
                if noun:
                    yield noun, codes[0], number


def _expanded(form: str, substitutions: dict[str, list[str]]) -> list[str]:
    """A form with each substitution set it names replaced by every one of its words."""
    forms = [form]
    for key, words in substitutions.items():
        forms = [f.replace(key, word) for f in forms for word in words] if key in form else forms
    return forms


def compile_agents(path: Path) -> tuple[list[CompiledAgent], Counter[str]]:
    """The role nouns of the agents file with the sectors tidings keeps (the first entry of a
    noun wins), and how many forms were left out for each reason."""
    agents: dict[str, CompiledAgent] = {}
    skipped: Counter[str] = Counter()
    for noun, code, line in read_agents(path):
        sectors = agent_sectors(code)
        words = noun.split()
        if not sectors:
            skipped["no sector tidings keeps"] += 1
        elif words[0] in FUNCTION_WORDS or words[-1] in FUNCTION_WORDS:
            skipped["part of a longer phrase"] += 1
        elif noun in agents:
            skipped["duplicate noun"] += 1
        else:
            agents[noun] = CompiledAgent(noun, sectors, line)
    return list(agents.values()), skipped


# --- output -------------------------------------------------------------------------------------


def verb_rows(verbs: Iterable[CompiledVerb]) -> Iterator[list[str]]:
    """The TSV rows of compiled verb patterns."""
    for v in verbs:
        source = f"{VERBS_SOURCE}:" + " ".join(str(n) for n in v.lines)
        yield [v.verb, v.prep, "|".join(sorted(v.objects)), v.code, source]


def actor_rows(actors: Iterable[CompiledActor]) -> Iterator[list[str]]:
    """The TSV rows of compiled actors: one per role."""
    for actor in actors:
        for role in actor.roles:
            yield [
                actor.name,
                "|".join(actor.aliases),
                role.country or "",
                " ".join(role.sectors),
                role.start.isoformat() if role.start else "",
                role.end.isoformat() if role.end else "",
                actor.source,
            ]


def agent_rows(agents: Iterable[CompiledAgent]) -> Iterator[list[str]]:
    """The TSV rows of compiled role nouns."""
    for agent in agents:
        yield [agent.noun, " ".join(agent.sectors), f"{AGENTS_SOURCE}:{agent.line}"]


def _write(path: Path, header: str, columns: tuple[str, ...], rows: Iterable[list[str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            handle.write("\t".join(" ".join(value.split()) for value in row) + "\n")
            count += 1
    return count


def compile_all(source: Path, target: Path, known_codes: frozenset[str]) -> dict[str, Counter[str]]:
    """Write the compiled tables from the Phoenix folder ``source`` into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    verbs, verb_skips = compile_verbs(source / VERBS_SOURCE, known_codes)
    actors, actor_skips = compile_actors(source)
    agents, agent_skips = compile_agents(source / AGENTS_SOURCE)
    note = (
        "# Compiled by tidings.dictionaries.phoenix from Phoenix/PETRARCH-2 (MIT);"
        " source and licence: README.md beside this file.\n"
    )
    written = Counter(
        {
            "verb rows": _write(target / VERBS_FILE, note, VERB_COLUMNS, verb_rows(verbs)),
            "actor rows": _write(target / ACTORS_FILE, note, ACTOR_COLUMNS, actor_rows(actors)),
            "actors": len(actors),
            "agent rows": _write(target / AGENTS_FILE, note, AGENT_COLUMNS, agent_rows(agents)),
        }
    )
    return {
        "written": written,
        "verbs left out": verb_skips,
        "actors left out": actor_skips,
        "agents left out": agent_skips,
    }


def main(argv: list[str] | None = None) -> None:
    """Command line: compile the Phoenix folder into tidings' compiled tables."""
    from tidings.codebook import cameo_codebook

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the Phoenix dictionaries folder")
    parser.add_argument("target", type=Path, help="where to write the compiled tables")
    args = parser.parse_args(argv)
    report = compile_all(args.source, args.target, frozenset(cameo_codebook()))
    for title, counts in report.items():
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))


if __name__ == "__main__":
    main()
