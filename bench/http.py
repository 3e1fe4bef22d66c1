"""Benchmark (not a test): ``kg serve`` against ``oxigraph serve`` over HTTP.

    .venv/bin/python bench/http.py                       # seeds and 1M synthetic triples
    .venv/bin/python bench/http.py --sizes seeds --seconds 5

The benchmark itself is ``bench/endpoint_load.py`` (its docstring says what is measured).

This file has the name the issue gives it, which is also the name of a standard library
package: a script run as ``python bench/SOMETHING.py`` has ``bench/`` first on
``sys.path``, so ``import http.client`` (done by rdflib, requests, urllib) finds this file.
When that happens, this module puts the real ``http`` package in its place, so every
script in ``bench/`` keeps working.
"""

import sys

if __name__ == "http":
    import importlib.util
    import os
    import sysconfig

    _folder = os.path.join(sysconfig.get_path("stdlib"), "http")
    _spec = importlib.util.spec_from_file_location(
        "http", os.path.join(_folder, "__init__.py"), submodule_search_locations=[_folder]
    )
    assert _spec is not None and _spec.loader is not None
    _real = importlib.util.module_from_spec(_spec)
    # The import system hands the importer whatever sys.modules holds once this file ran.
    sys.modules["http"] = _real
    _spec.loader.exec_module(_real)
elif __name__ == "__main__":
    from endpoint_load import main  # bench/ is sys.path[0] when run as a script

    sys.exit(main())
