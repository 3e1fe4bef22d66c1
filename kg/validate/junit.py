"""JUnit XML for CI systems: every result that fails the build is a failed test case.

CI systems (GitLab, Jenkins, GitHub test reporters) show one line per test case and at most
one failure in each, so a result at ``--fail-on`` severity or graver is a test case of its
own, named after its shape and focus node, with the text report of that result (article,
span quoted with its offsets, message) as the failure's body.  A shape with no such result
is one passing test case; its less grave results (warnings, infos) go to its
``<system-out>``, so a CI page lists every shape that was checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING

from .shapes import compact

if TYPE_CHECKING:
    from .report import ValidationReport, ValidationResult


def junit_xml(report: ValidationReport, threshold: int) -> str:
    """``report`` as JUnit XML; results of rank ``threshold`` or graver fail."""
    by_shape: dict[str, list[ValidationResult]] = defaultdict(list)
    for result in sorted(report.results, key=lambda r: r.sort_key()):
        by_shape[result.shape].append(result)
    names = dict(report.shapes)
    for shape, results in by_shape.items():
        names.setdefault(shape, results[0].shape_name or shape)
    cases: list[ET.Element] = []
    failures = 0
    for shape in sorted(names):
        local = compact(shape)
        classname = "kgsh." + local.split(":", 1)[-1].split("-", 1)[0]
        failing = [r for r in by_shape.get(shape, []) if r.rank <= threshold]
        notes = [r for r in by_shape.get(shape, []) if r.rank > threshold]
        for result in failing:
            case = ET.Element("testcase", classname=classname,
                              name=f"{local} {_where(result, report.articles)}", time="0")
            failure = ET.SubElement(case, "failure", type=result.severity,
                                    message=f"{result.focus}: {result.message}")
            failure.text = "\n".join(line.strip() for line in result.lines())
            cases.append(case)
            failures += 1
        if not failing:
            case = ET.Element("testcase", classname=classname, name=local, time="0")
            if notes:
                ET.SubElement(case, "system-out").text = "\n\n".join(
                    "\n".join(line.strip() for line in r.lines()) for r in notes)
            cases.append(case)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0"}
    # Attributes as one dict, in the order they were given as keywords.
    suites = ET.Element("testsuites", {"name": "kg validate", **counts})
    suite = ET.SubElement(suites, "testsuite",
                          {"name": "kg SHACL shapes", "skipped": "0", "time": "0", **counts})
    suite.extend(cases)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _where(result: ValidationResult, articles: dict[str, str]) -> str:
    """The focus node, and the article (by file name) when the result is in one."""
    focus = result.focus if result.focus.startswith("_:") else f"<{result.focus}>"
    if result.article:
        return f"{focus} in {articles.get(result.article) or result.article}"
    return focus
