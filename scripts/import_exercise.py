"""Import every module of one code-review exercise's after/ tree with the standard library only.

    python3 -S scripts/import_exercise.py exercises/<slug>/after

Third-party packages (numpy, fastapi, redis, ...) are replaced by permissive stubs, so what is
checked is the exercise's own code: syntax, and that every name it imports from its own modules
exists. A candidate reviews this code as if it ran; a missing module or a misspelt import would
be a defect nobody planted. Prints one line per module and exits non-zero on the first failure.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import traceback
import types
from pathlib import Path


class Stub:
    """Stands in for anything a third-party module exports: call it, subclass it, decorate with it."""

    def __init__(self, name: str = "stub") -> None:
        self._name = name

    def __call__(self, *args, **kwargs):
        # Used as a bare decorator (@stub): keep the decorated function or class.
        if len(args) == 1 and not kwargs and callable(args[0]) and not isinstance(args[0], Stub):
            return args[0]
        return Stub(f"{self._name}()")

    def __getattr__(self, attr: str):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return Stub(f"{self._name}.{attr}")

    def __mro_entries__(self, bases):
        return (StubBase,)

    def __getitem__(self, key):
        return Stub(f"{self._name}[]")

    def __iter__(self):
        return iter(())

    def __or__(self, other):
        return self

    __ror__ = __or__

    def __repr__(self) -> str:
        return f"<stub {self._name}>"


class StubBase:
    """Base class for classes that derive from a stubbed one (pydantic models, Protocols, ...)."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def __init_subclass__(cls, **kwargs) -> None:
        pass


class StubModule(types.ModuleType):
    def __getattr__(self, attr: str):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return Stub(f"{self.__name__}.{attr}")


class ThirdPartyStubs(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, local: set[str]) -> None:
        self.local = local

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.split(".", 1)[0]
        if top in sys.stdlib_module_names or top in self.local:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec):
        module = StubModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module) -> None:
        pass


def main(after: Path) -> int:
    after = after.resolve()
    modules = sorted(
        (".".join(p.relative_to(after).with_suffix("").parts).removesuffix(".__init__") for p in after.rglob("*.py")),
        # The PR's tests first: they set the environment the package expects, as its CI would.
        key=lambda name: (not name.startswith("tests"), name),
    )
    local = {m.split(".", 1)[0] for m in modules}
    sys.path.insert(0, str(after))
    # First in line, so an installed numpy or fastapi is never used: only the standard library is real.
    sys.meta_path.insert(0, ThirdPartyStubs(local))
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            print(f"FAIL {name}")
            traceback.print_exc()
            return 1
        print(f"ok   {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
