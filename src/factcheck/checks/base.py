"""What a check kind is: a named Python function over one document's Analysis, with the
parameters and message templates the rules that use it may give."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from factcheck.errors import UserError
from factcheck.model import Analysis, Finding, Severity

# checks a kind may give its parameters: a severity's name, and a ratio above 1 (0 for never)
SEVERITY_NAME = (lambda name: name.upper() in Severity.__members__, "one of info, warning, error")
RATIO_OR_NEVER = (lambda ratio: ratio == 0 or ratio > 1, "0 (never) or a ratio above 1")


@dataclass(frozen=True)
class CheckKind:
    name: str
    run: Callable[[Analysis, Any], Iterable[Finding]]
    summary: str
    # parameter name → (allowed Python types, default)
    params: dict[str, tuple[tuple[type, ...], Any]] = field(default_factory=dict)
    # the message templates a rule of this kind must give (rule.message(name, **values))
    messages: tuple[str, ...] = ()
    # templates added to a kind after rules of it were written: a rule that does not give one gets this
    # text, so that a newsroom's own rule of the kind keeps loading
    fallback_messages: dict[str, str] = field(default_factory=dict)
    # what a parameter's value must hold beyond its type: name → (test, what it must be)
    param_checks: dict[str, tuple[Callable[[Any], bool], str]] = field(default_factory=dict)

    def validate(self, params: dict, path: str, line: int) -> None:
        for name, value in params.items():
            if name not in self.params:
                known = ", ".join(sorted(self.params)) or "none"
                raise UserError(f"check kind {self.name!r} has no parameter {name!r} (known: {known})", path, getattr(params, "line_of", lambda _: line)(name))
            types, _ = self.params[name]
            if not isinstance(value, types):
                raise UserError(f"parameter {name!r} must be {' or '.join(t.__name__ for t in types)}", path, getattr(params, "line_of", lambda _: line)(name))
            check = self.param_checks.get(name)
            if check is not None and not check[0](value):
                raise UserError(f"parameter {name!r} must be {check[1]}", path, getattr(params, "line_of", lambda _: line)(name))

    def param(self, rule, name: str) -> Any:
        return rule.params.get(name, self.params[name][1])
