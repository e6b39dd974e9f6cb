"""The compiled fast path of the eligibility check (verdicts without reasons): for one proposal
context the condition trees are compiled once into closures (`Context`, `PathPlan`); engine.Plan
puts them together for one code. Tests compare its verdicts with the explained evaluation's."""

import datetime
import threading

from thidua.eligibility.conditions import (
    AllOf,
    AnyOf,
    Delegated,
    Leaf,
    Satisfies,
    Uncertain,
    Window,
    and3,
)
from thidua.eligibility.environment import Env, Fixed, Needs
from thidua.eligibility.facts import Subject
from thidua.eligibility.history import History
from thidua.eligibility.outcomes import ELIGIBLE, INELIGIBLE, OUTCOME_VALUE, REVIEW, combine
from thidua.eligibility.predicates import compile_predicate
from thidua.eligibility.rules import Registry, Rule, RuleFileError, Version

# Compiling keeps state on the Context (the overlay, Needs.gate): one thread compiles at a time.
# What is compiled is only read afterwards, without the lock.
COMPILING = threading.RLock()


# The fast path (verdicts without reasons): for one proposal context the condition trees are
# compiled once into closures `f(h, y, w, b)` (predicates.py explains the arguments) with
# every part that does not depend on the history folded into a constant (facts, delegated
# standards without an overlay, unconfirmed criteria). Each closure answers what `node.run(h,
# env, None)` answers; the guards that depend only on the case (G01, G05, G12, the vote, the
# deadline, to_confirm) are computed once per plan by the Evaluation itself.
NO_BIND: dict = {}  # the bindings of a tree without `prior`: nothing ever writes to it


def binds(compiled) -> bool:
    """Whether a compiled node binds a prior anchor (so it must run even if its value is known)."""
    return getattr(compiled, "binds", False)


def runnable(compiled):
    """A compiled node as a function, even when its value is fixed."""
    if not isinstance(compiled, Fixed):
        return compiled
    value = compiled.value

    def fixed(h, y, w, b):
        return value
    return fixed


def as_node(value):
    """A path value `f(h)` (another title's standard, in a fresh Env) as a node closure."""
    if isinstance(value, Fixed):
        return value

    def node(h, y, w, b):
        return value(h)
    return node


class Context:
    """One proposal context — year T, decision and receipt dates, province, facts, subject kind
    and group — with the rule versions compiled for it and the plans of its codes."""

    def __init__(self, rules: Registry, year: int, decided: datetime.date,
                 received: datetime.date | None, province: str, facts: dict, kind: str,
                 group: str) -> None:
        self.rules, self.T, self.D, self.R = rules, year, decided, received
        self.province, self.facts = province, facts
        self.subject = Subject(kind=kind, group=group)
        self.static_env = Env(T=year, D=decided, R=received)
        self.needs = Needs()
        self.overlay = None  # the overlay of the rule version being compiled
        self._versions: dict = {}
        self._paths: dict = {}
        self._families: dict = {}
        self.plans: dict = {}  # engine.plan_of: (code, decided_by, council) -> Plan

    # -- rule versions and paths
    def version(self, rule: Rule, version: Version):
        """A version's conditions (and its overlay's extra conditions) as `f(h)` or Fixed."""
        if version not in self._versions:
            overlay = (self.rules.overlay(self.province, rule.id, self.D)
                       if self.province else None)
            needs = self.needs
            # A version runs in its own Env: no window around it, no prior bound yet.
            saved = self.overlay, needs.gate, needs.bound
            self.overlay, needs.gate, needs.bound = overlay, None, {}
            try:
                parts = [self.node(version.conditions)]
                parts += [self.node(node) for node, _entry in overlay.extras()] if overlay else []
            finally:
                self.overlay, needs.gate, needs.bound = saved
            self._versions[version] = self.conjunction(parts)
        return self._versions[version]

    def conjunction(self, parts: list):
        """evaluate_version: the conditions, then and3 with each extra condition."""
        if all(isinstance(part, Fixed) for part in parts):
            value = True
            for part in parts:
                value = and3(value, part.value)
            return Fixed(value)
        T, fresh = self.T, any(binds(part) for part in parts)
        first, *extras = [runnable(part) for part in parts]
        if not extras:
            if not fresh:
                return lambda h: first(h, T, None, NO_BIND)
            return lambda h: first(h, T, None, {})

        def version(h):
            bound = {} if fresh else NO_BIND
            value = first(h, T, None, bound)
            for extra in extras:
                if value is False:
                    return False
                value = and3(value, extra(h, T, None, bound))
            return value
        return version

    def path_value(self, rule: Rule):
        """Evaluation.path_value for this context: `f(h)` → True, False or None, or Fixed."""
        if rule.id not in self._paths:
            with COMPILING:
                if rule.id not in self._paths:
                    self._paths[rule.id] = self.compile_path_value(rule)
        return self._paths[rule.id]

    def compile_path_value(self, rule: Rule):
        could, favourable = self.rules.applicable(rule, self.D, self.R)
        if not could and not favourable:
            return Fixed(None)
        groups = ([self.version(rule, v) for v in could if v.confirmed],
                  [self.version(rule, v) for v in could if not v.confirmed],
                  [self.version(rule, v) for v in favourable])
        if all(isinstance(f, Fixed) for group in groups for f in group):
            return Fixed(OUTCOME_VALUE[combine(*[[f.value for f in group] for group in groups])])
        confirmed, unconfirmed, favoured = groups
        if len(confirmed) == 1 and not unconfirmed and not favoured:
            return confirmed[0]  # combine of one confirmed value is that value

        def value(h):
            return OUTCOME_VALUE[combine(*[[f.value if isinstance(f, Fixed) else f(h)
                                            for f in group] for group in groups])]
        return value

    # -- condition nodes
    def node(self, node):
        kind = type(node)
        if kind is Leaf:
            return compile_predicate(node.pred, self)
        if kind is AllOf:  # compiled lazily: children after a fixed answer never run
            return self.all_of(self.node(child) for child in node.children)
        if kind is AnyOf:
            return self.any_of(self.node(child) for child in node.children)
        if kind is Uncertain:
            return self.uncertain(node)
        if kind is Window:
            return self.window(node)
        if kind is Satisfies:
            return self.satisfies(node.family)
        if kind is Delegated:
            inner = (self.overlay.delegated(node.topic, self.subject.kind)
                     if self.overlay else None)
            return Fixed(None) if inner is None else self.node(inner)
        return self.generic(node)

    def generic(self, node):
        """A node type without a compiled form: its own `run`, in an Env made per call."""
        self.needs.details = True
        T, D, R, overlay, run = self.T, self.D, self.R, self.overlay, node.run

        def test(h, y, w, b):
            return run(h, Env(T=T, D=D, R=R, year=y, bind=b, window=w, overlay=overlay), None)
        test.binds = True
        return test

    @staticmethod
    def all_of(parts):
        """AllOf.run without reasons: False wins, then None; children run in order until the
        first False (a child bound before it keeps its binding). `parts` is consumed lazily:
        children after a fixed False never run, so they are not compiled (nor their rows
        read)."""
        return Context.either(parts, False)

    @staticmethod
    def any_of(parts):
        """AnyOf.run without reasons: True wins, then None (`parts` consumed lazily)."""
        return Context.either(parts, True)

    @staticmethod
    def either(parts, wins: bool):
        """all_of (wins=False) or any_of (wins=True): the fixed children folded in, the others
        joined."""
        fns, unknown = [], False
        for part in parts:
            if isinstance(part, Fixed):
                if part.value is None:
                    unknown = True
                elif part.value is wins:
                    return Context.stop(fns, wins)
                continue
            fns.append(part)
        if not fns:
            return Fixed(None if unknown else not wins)
        return Context.joined(fns, unknown, wins)

    @staticmethod
    def stop(fns: list, value: bool):
        """The children before a fixed deciding child: run only for the priors they bind."""
        if not any(binds(f) for f in fns):
            return Fixed(value)

        def run(h, y, w, b):
            for f in fns:
                if f(h, y, w, b) is value:
                    return value
            return value
        run.binds = True
        return run

    @staticmethod
    def joined(fns: list, unknown: bool, wins: bool):
        """all_of (wins=False) or any_of (wins=True) over closures; `unknown`: a fixed child
        is None. The answer is `wins` as soon as a child gives it, else None if any child
        (or a fixed one) is None, else `not wins`."""
        loses = not wins
        if len(fns) == 1:
            f = fns[0]
            if not unknown:
                return f

            def run(h, y, w, b):
                return wins if f(h, y, w, b) is wins else None
        elif len(fns) == 2:
            f, g = fns

            def run(h, y, w, b):
                u = f(h, y, w, b)
                if u is wins:
                    return wins
                v = g(h, y, w, b)
                if v is wins:
                    return wins
                return None if unknown or u is None or v is None else loses
        else:
            def run(h, y, w, b):
                result = None if unknown else loses
                for f in fns:
                    value = f(h, y, w, b)
                    if value is wins:
                        return wins
                    if value is None:
                        result = None
                return result
        run.binds = any(binds(f) for f in fns)
        return run

    def uncertain(self, node: Uncertain):
        child = self.node(node.child)
        if node.mode == "content":  # its result is never trusted
            if not binds(child):
                return Fixed(None)

            def run(h, y, w, b):
                child(h, y, w, b)
            run.binds = True
            return run
        neutral = node.neutral
        if isinstance(child, Fixed):
            return Fixed(child.value if child.value is neutral else None)

        def run(h, y, w, b):
            value = child(h, y, w, b)
            return value if value is neutral else None
        run.binds = binds(child)
        return run

    def window(self, node: Window):
        """Window.run without reasons. Inside it rows are read only for people holding the
        prior award its name was bound to (Needs.gate); unknown binding: everyone's."""
        needs = self.needs
        codes = needs.bound.get(node.after)
        saved, needs.gate = needs.gate, frozenset(codes) if codes else None
        try:
            every = runnable(self.node(node.every)) if node.every is not None else None
            require = runnable(self.node(node.require)) if node.require is not None else None
        finally:
            needs.gate = saved
        after, to, min_years, T = node.after, node.to, node.min_years, self.T

        def run(h, y, w, b):
            anchor = b.get(after)
            if anchor is None:
                return False
            last = to.value(T, y)
            first = anchor + 1
            if h.clock > first:
                first = h.clock
            if every is None:
                start = min(first, last + 1)
            else:
                start, year = last + 1, last
                while year >= first and every(h, year, w, b) is True:
                    start, year = year, year - 1
            if last - start + 1 < min_years:
                return False
            return True if require is None else require(h, y, (start, last), b)
        run.binds = binds(every) or binds(require)
        return run

    def satisfies(self, family: str):
        """Evaluation.satisfies: True if any open path of the family passes, else None if
        any is undecided, else False (no open path: False)."""
        if family not in self._families:
            self._families[family] = None  # a family that satisfies itself is a rule-file error
            paths = self.rules.open_paths(family, self.subject)
            self._families[family] = self.any_of(as_node(self.path_value(rule))
                                                 for rule in paths)
        compiled = self._families[family]
        if compiled is None:
            raise RuleFileError(f"satisfies: {family!r} refers to itself")
        return compiled


class PathPlan:
    """Evaluation.run_path for one open path: its outcome and whether all conditions failed.
    A path with no confirmed version is NEEDS_HUMAN_REVIEW whatever its conditions say: they
    are compiled only if earliest_year asks whether they all failed."""

    __slots__ = ("context", "rule", "primary", "specs", "single", "fixed", "_compiled")

    def __init__(self, context: Context, rule: Rule) -> None:
        could, favourable = context.rules.applicable(rule, context.D, context.R)
        self.context, self.rule = context, rule
        self.primary = (next((v for v in could if v.confirmed), None) or (could or favourable)[0]
                        if could or favourable else None)
        # (version, group): 0 confirmed, 1 unconfirmed, 2 counted only if more favourable
        self.specs = [(v, 0 if v.confirmed else 1) for v in could] + [(v, 2) for v in favourable]
        self.single, self.fixed, self._compiled = None, None, None
        if not any(group == 0 for _v, group in self.specs):
            self.fixed = REVIEW  # combine: nothing confirmed, or no version at all
            return
        versions = self.compiled()
        if all(isinstance(f, Fixed) for f in versions):
            self.fixed = self.combined([f.value for f in versions])
        elif len(versions) == 1:
            self.single = versions[0]  # combine of one confirmed value is that value

    def compiled(self) -> list:
        if self._compiled is None:
            with COMPILING:
                self._compiled = [self.context.version(self.rule, v) for v, _group in self.specs]
        return self._compiled

    def values(self, h: History) -> list:
        return [f.value if isinstance(f, Fixed) else f(h) for f in self.compiled()]

    def combined(self, values: list) -> str:
        groups = ([], [], [])
        for value, (_v, group) in zip(values, self.specs, strict=True):
            groups[group].append(value)
        return combine(*groups)

    def outcome(self, h: History) -> str:
        if self.fixed is not None:
            return self.fixed
        if self.single is not None:
            value = self.single(h)
            return ELIGIBLE if value is True else INELIGIBLE if value is False else REVIEW
        return self.combined(self.values(h))

    def failed(self, h: History) -> bool:
        """Every version that could apply fails (earliest_year is then worth computing)."""
        return bool(self.specs) and all(value is False for value in self.values(h))
