#!/usr/bin/env python3
"""Writes the HTTP binding of every operation of a REST-protocol AWS service as a TSV file.

Usage: gen_operation_table.py <botocore-service-name> > aws/src/main/resources/operations/<name>.tsv

Reads the botocore model installed with the machine's Python (the authoritative wire spec).
Columns, tab-separated, one operation per line:
  operation  method  path-template  literal-query  required-query  required-headers  status  output-root
literal-query: the query part of requestUri ("uploads", "list-type=2"), comma-separated, or "-".
required-query / required-headers: wire names of required input members bound there, or "-".
status: the success status code. output-root: XML root element name of the output payload, or "-".
"""
import glob
import gzip
import json
import os
import sys

import botocore


def load(service):
    base = os.path.join(os.path.dirname(botocore.__file__), "data", service)
    path = sorted(glob.glob(os.path.join(base, "*", "service-2.json*")))[-1]
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        return json.load(f)


def required_at(shapes, input_ref, location):
    if not input_ref:
        return []
    shape = shapes[input_ref["shape"]]
    required = set(shape.get("required", []))
    return sorted(m.get("locationName", name).lower() if location == "header" else m.get("locationName", name)
                  for name, m in shape["members"].items()
                  if name in required and m.get("location") == location)


def output_root(op, shapes):
    out = op.get("output")
    if not out:
        return "-"
    shape = shapes[out["shape"]]
    if "payload" in shape:
        return "-"
    return out.get("locationName") or shape.get("locationName") or op["name"] + "Result"


def main():
    model = load(sys.argv[1])
    shapes = model["shapes"]
    for name in sorted(model["operations"]):
        op = model["operations"][name]
        http = op["http"]
        path, _, query = http["requestUri"].partition("?")
        print("\t".join([
            name,
            http["method"],
            path,
            query.replace("&", ",") or "-",
            ",".join(required_at(shapes, op.get("input"), "querystring")) or "-",
            ",".join(required_at(shapes, op.get("input"), "header")) or "-",
            str(http.get("responseCode", 200)),
            output_root(op, shapes),
        ]))


if __name__ == "__main__":
    main()
