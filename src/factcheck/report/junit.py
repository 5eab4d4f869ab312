"""--format junit: one test suite per file, one failing test case per finding (for CI test reports)."""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from factcheck.report.safe_text import for_terminal, for_xml


def _clean(text: str) -> str:
    return for_xml(for_terminal(text, keep_newlines=True))


def render(results, stream: TextIO, **_options) -> None:
    suites = ET.Element("testsuites", name="factcheck")
    total = failures = 0
    for result in results:
        document = result.document
        suite = ET.SubElement(suites, "testsuite", name=document.path, tests=str(max(1, len(result.findings))),
                              failures=str(len(result.findings)), errors="0", skipped="0")
        total += max(1, len(result.findings))
        failures += len(result.findings)
        if not result.findings:
            ET.SubElement(suite, "testcase", classname=document.path, name="factcheck")
        for finding in result.findings:
            line, column = document.position(finding.start)
            case = ET.SubElement(suite, "testcase", classname=document.path, name=f"{finding.rule} at {line}:{column}",
                                 file=document.path, line=str(line))
            failure = ET.SubElement(case, "failure", type=finding.severity.label, message=finding.message)
            details = [f"{document.path}:{line}:{column}: {finding.severity.label} [{finding.rule}] {finding.message}",
                       f"text: {finding.text}"]
            if finding.suggestion:
                details.append(f"suggestion: {finding.suggestion}")
            if finding.evidence and finding.evidence.record:
                details.append(f"evidence: record {finding.evidence.record}, {finding.evidence.fact} = {finding.evidence.value}")
            failure.text = "\n".join(details)
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    for element in suites.iter():  # what the input held and XML 1.0 cannot, or a CI log should not show raw
        element.attrib = {key: _clean(value) for key, value in element.attrib.items()}
        if element.text:
            element.text = _clean(element.text)
    ET.indent(suites)
    stream.write(ET.tostring(suites, encoding="unicode", xml_declaration=True))
    stream.write("\n")
