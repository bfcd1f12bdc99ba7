"""Strict validation helpers of the 1.x official-client conformance (official_client_1x_conformance.py).

Observes the client's own ServiceClient.request to keep each raw response, validates it with
pydantic's strict mode against the client's generated model (no str->int coercion, so int64 counts
must be JSON strings and int32 counts numbers) and reports keys the model does not declare.
"""

import json
import types
import typing

import pydantic
from h2o_mlops._client import http as mhttp
from h2o_mlops._client.models import monitoring as mm
from h2o_mlops.errors._errors import MLOpsApiError

failures = []
checks = 0
calls = 0
responses = []  # raw httpx responses, in call order
parsed_calls = []  # per successful call: the raw body and the client's model as plain data (for the TS side)

_request = mhttp.ServiceClient.request


def _recording_request(self, *args, **kwargs):
    """The client's own request, observed: keeps the raw response for strict validation."""
    global calls
    calls += 1
    resp = _request(self, *args, **kwargs)
    responses.append(resp)
    return resp


mhttp.ServiceClient.request = _recording_request


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        failures.append(what)
        print(f"FAIL {what}", flush=True)
    return condition


def _shape(annotation):
    """('model' | 'list' | 'map', Model) when a field holds pydantic models, else None."""
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return ("model", annotation)
    origin = typing.get_origin(annotation)
    if origin in (list, dict):
        inner = typing.get_args(annotation)[-1]
        if isinstance(inner, type) and issubclass(inner, pydantic.BaseModel):
            return ("list" if origin is list else "map", inner)
        return None
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            shape = _shape(arg)
            if shape:
                return shape
    return None


def unknown_keys(raw, model, where):
    """Keys of `raw` that `model` (recursively) does not declare."""
    if model.model_config.get("extra") == "allow" or not isinstance(raw, dict):
        return []
    fields = {(f.alias or name): f for name, f in model.model_fields.items()}
    out = [f"{where}.{k}" for k in raw if k not in fields]
    for key, field in fields.items():
        shape, value = _shape(field.annotation), raw.get(key)
        if not shape or value is None:
            continue
        kind, sub = shape
        items = value if kind == "list" else list(value.values()) if kind == "map" else [value]
        for i, item in enumerate(items if isinstance(items, list) else []):
            out += unknown_keys(item, sub, f"{where}.{key}[{i}]")
    return out


def strict(model, text, where):
    """Strict validation of a raw JSON body; returns the parsed model or None."""
    extra = unknown_keys(json.loads(text), model, where)
    check(not extra, f"{where}: keys {model.__name__} does not declare: {extra[:10]}")
    try:
        return model.model_validate_json(text, strict=True)
    except pydantic.ValidationError as e:
        check(False, f"{where}: {model.__name__} strict validation failed: {str(e)[:1500]}")
        return None


def call(model, where, fn, **kwargs):
    """Calls a client method; its last raw response must validate strictly as `model`."""
    result = fn(**kwargs)
    parsed = strict(model, responses[-1].text, where)
    if parsed is not None:
        check(result == parsed, f"{where}: the client's lenient parse differs from the strict one")
        # The raw body as received and the client's own parse (snake_case, datetimes as ISO): the TS
        # test runs our parsers on `raw` and compares every number with `client`.
        parsed_calls.append({"where": where, "model": model.__name__, "raw": responses[-1].text,
                             "client": result.model_dump(mode="json", by_alias=False)})
    return parsed


def expect_error(status, where, fn, **kwargs):
    """The call must fail with `status` and a grpc-gateway RpcStatus body."""
    try:
        fn(**kwargs)
    except MLOpsApiError as e:
        check(e.status == status, f"{where}: HTTP {e.status}, expected {status}")
        # MLOpsApiError.message is the raw response body.
        body = strict(mm.RpcStatus, e.message, f"{where} error body")
        check(body is not None and body.code and body.message, f"{where}: RpcStatus without code/message")
        return body
    check(False, f"{where}: expected HTTP {status}, the call succeeded")
    return None


def all_pages(model, key, where, fn, page_size=None, **kwargs):
    """Follows nextPageToken to the end; returns (items, number of pages)."""
    items, token, pages = [], None, 0
    while True:
        page = call(model, f"{where} page {pages}", fn, page_size=page_size, page_token=token, **kwargs)
        pages += 1
        if page is None:
            return items, pages
        got = getattr(page, key) or []
        if page_size:
            check(len(got) <= page_size, f"{where}: page of {len(got)} > pageSize {page_size}")
        items += got
        token = page.next_page_token
        if not token or pages > 500:
            return items, pages
