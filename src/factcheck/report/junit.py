"""--format junit: one test suite per file, one failing test case per finding (for CI test reports)."""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from factcheck.report.safe_text import for_terminal, for_xml


def _clean(text: str) -> str:
    return for_xml(for_terminal(text, keep_newlines=True))


def render(results, stream: TextIO, fail_on: str = "error", **_options) -> None:
    """Every finding is a test case; those at or above `fail_on` (the run's --fail-on) fail, the
    others pass with their details in system-out, as a CI test report should count them."""
    from factcheck.model import Severity

    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    suites = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for result in results:
        document = result.document
        failing = [f for f in result.findings if threshold is not None and f.severity >= threshold]
        suite = ET.SubElement(suites, "testsuite", name=document.path, tests=str(max(1, len(result.findings))),
                              failures=str(len(failing)), errors="0", skipped="0")
        total += max(1, len(result.findings))
        failures += len(failing)
        if not result.findings:
            ET.SubElement(suite, "testcase", classname=document.path, name="factcheck")
        for finding in result.findings:
            line, column = document.position(finding.start)
            case = ET.SubElement(suite, "testcase", classname=document.path, name=f"{finding.rule} at {line}:{column}",
                                 file=document.path, line=str(line))
            details = [f"{document.path}:{line}:{column}: {finding.severity.label} [{finding.rule}] {finding.message}",
                       f"text: {finding.text}"]
            if finding.suggestion:
                details.append(f"suggestion: {finding.suggestion}")
            if finding.evidence and finding.evidence.record:
                details.append(f"evidence: record {finding.evidence.record}, {finding.evidence.fact} = {finding.evidence.value}")
            if finding in failing:
                failure = ET.SubElement(case, "failure", type=finding.severity.label, message=finding.message)
                failure.text = "\n".join(details)
            else:
                ET.SubElement(case, "system-out").text = "\n".join(details)
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    for element in suites.iter():  # what the input held and XML 1.0 cannot, or a CI log should not show raw
        element.attrib = {key: _clean(value) for key, value in element.attrib.items()}
        if element.text:
            element.text = _clean(element.text)
    ET.indent(suites)
    stream.write(ET.tostring(suites, encoding="unicode", xml_declaration=True))
    stream.write("\n")
