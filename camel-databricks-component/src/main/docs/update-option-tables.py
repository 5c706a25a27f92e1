#!/usr/bin/env python3
"""Rewrites the option and header tables of databricks-component.adoc from the generated databricks.json.

Run from camel-databricks-component after a build that changed options: python3 src/main/docs/update-option-tables.py
ComponentDocsTest fails while an option or header is missing from the adoc.
"""
import json
import pathlib

here = pathlib.Path(__file__).resolve().parent
meta = json.loads((here.parent.parent / 'generated/resources/META-INF/io/github/cameldatabricks/component/databricks.json').read_text())
adoc_path = here / 'databricks-component.adoc'
adoc = adoc_path.read_text()


def options(props):
    rows = ['[width="100%",cols="2,5,^1,2",options="header"]', '|===', '| Name | Description | Default | Type']
    for name, p in props.items():
        desc = (p.get('description') or '').replace('|', '\\|')
        rows.append(f"| *{name}* ({p.get('group', 'common')}) | {desc} | {p.get('defaultValue', '')} | "
                    f"{p.get('javaType', '').split('.')[-1]}")
    rows.append('|===')
    return '\n'.join(rows)


def headers(props):
    rows = ['[width="100%",cols="2,5,2",options="header"]', '|===', '| Name | Description | Type']
    for name, p in props.items():
        rows.append(f"| *{name}* | {p.get('description', '')} | {p.get('javaType', '')}")
    rows.append('|===')
    return '\n'.join(rows)


head = adoc.split('== Component options')[0]
adoc_path.write_text(head + '== Component options\n\n' + options(meta['componentProperties'])
                     + '\n\n== Endpoint options\n\n' + options(meta['properties'])
                     + '\n\n== Message headers\n\n' + headers(meta['headers']) + '\n')
