"""The web app: drop or paste articles, get the report in the page; a REST API beside it.

`create_app(db_path)` builds the FastAPI application. Cases are kept in DuckDB (`CaseStore`), so
they survive a restart. The interactive API docs pages are off because they load scripts from a
CDN; the OpenAPI schema itself is served at /openapi.json.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Path as PathParam, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from veracity.errors import InputError
from veracity.report.html import render_html, report_content_security_policy
from veracity.web.analysis import Analyse, analyse_with_pipeline
from veracity.web.cases import CaseStore, CaseSummary, StoredDocument, is_case_id
from veracity.web.limits import BodySizeLimit
from veracity.web.pages import app_page, report_headers
from veracity.web.uploads import (
    Limits,
    Submission,
    TooLarge,
    check_file_name,
    check_submissions,
    decode_upload,
    display_name,
    document_id,
)

_PROFILE = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
CaseId = Annotated[str, PathParam(pattern=r"^[0-9a-f]{32}$", description="a case id")]


class DocumentIn(BaseModel):
    name: str = Field("", description="a file name or label; only used to make the document id")
    text: str = Field(description="the article's plain text")


class CaseIn(BaseModel):
    documents: list[DocumentIn] = Field(description="the accounts of one event")
    title: str = Field("", description="a name for the case; defaults to the first document's")
    profile: str = Field("attack", description="the profile of attributes to extract")


class CaseOut(BaseModel):
    id: str
    title: str
    profile: str
    created: datetime
    documents: int
    report_url: str = Field(description="the report JSON (CONTRACT.md)")
    html_url: str = Field(description="the report as a page")


class DocumentOut(BaseModel):
    id: str
    name: str
    chars: int


class CaseDetailOut(CaseOut):
    document_list: list[DocumentOut]


class ErrorOut(BaseModel):
    detail: str


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "bad input: too many documents, empty, not text"},
    413: {"model": ErrorOut, "description": "a document or the request is too large"},
}


def _case_out(summary: CaseSummary) -> CaseOut:
    return CaseOut(
        id=summary.id, title=summary.title, profile=summary.profile, created=summary.created,
        documents=summary.documents, report_url=f"/api/cases/{summary.id}/report",
        html_url=f"/cases/{summary.id}",
    )


def _status_for(error: InputError) -> int:
    return 413 if isinstance(error, TooLarge) else 400


def create_app(
    db_path: str | Path, *, analyse: Analyse = analyse_with_pipeline, limits: Limits | None = None
) -> FastAPI:
    """The application, storing its cases in the DuckDB file `db_path` (or ":memory:").

    `analyse` turns (id, text) pairs into a report and the texts as read; the default runs the
    veracity pipeline.
    """
    bounds = limits or Limits()
    store = CaseStore(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="veracity",
        summary="Reconcile several accounts of one event into one record you can trust.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.add_middleware(BodySizeLimit, max_bytes=bounds.max_request_bytes)

    @app.exception_handler(InputError)
    async def input_error(_: Request, error: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=_status_for(error))

    def make_case(submissions: list[Submission], title: str, profile: str) -> CaseOut:
        documents = check_submissions(submissions, bounds)
        if not _PROFILE.match(profile):
            raise InputError(f"unknown profile {profile[:40]!r}")
        taken: set[str] = set()
        ids = [document_id(d.name or f"document-{n + 1}", taken) for n, d in enumerate(documents)]
        try:
            report, texts = analyse([(i, d.text) for i, d in zip(ids, documents, strict=True)],
                                    profile)
        except RuntimeError as error:
            raise HTTPException(503, str(error)) from error
        names = {i: display_name(d.name) or i for i, d in zip(ids, documents, strict=True)}
        stored = [StoredDocument(i, names[i], texts.get(i, d.text))
                  for i, d in zip(ids, documents, strict=True)]
        case_title = (title.strip() or _report_title(report) or names[ids[0]])
        return _case_out(store.add(case_title[: bounds.max_title_chars], profile, stored, report))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        page, headers = app_page(bounds)
        return HTMLResponse(page, headers=headers)

    @app.post("/api/cases", status_code=201, response_model=CaseOut, responses=_ERRORS,
              summary="Check a set of documents and keep the result as a case")
    def create_case(case: CaseIn) -> CaseOut:
        submissions = [Submission(d.name, d.text) for d in case.documents]
        return make_case(submissions, case.title, case.profile)

    @app.post(
        "/api/cases/upload", status_code=201, response_model=CaseOut, responses=_ERRORS,
        summary="Same as POST /api/cases, from a multipart form of files and pasted texts",
        openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {
            "schema": {"type": "object", "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                "texts": {"type": "array", "items": {"type": "string"}},
                "title": {"type": "string"},
                "profile": {"type": "string", "default": "attack"},
            }}}}}},
    )
    async def upload_case(request: Request) -> CaseOut:
        try:
            form = await request.form(
                max_files=bounds.max_documents, max_fields=bounds.max_documents + 2,
                max_part_size=bounds.max_document_bytes,
            )
        except MultiPartException as error:
            raise InputError(f"the form could not be read: {error.message}") from error
        try:
            submissions = []
            for part in form.getlist("files"):
                if not isinstance(part, UploadFile):
                    raise InputError("'files' must hold files; send pasted text as 'texts'")
                name = part.filename or "upload.txt"
                check_file_name(name)
                data = await part.read(bounds.max_document_bytes + 1)
                submissions.append(Submission(name, decode_upload(name, data, bounds)))
            for number, text in enumerate(form.getlist("texts"), start=1):
                if not isinstance(text, str):
                    raise InputError("'texts' must hold text; send files as 'files'")
                submissions.append(Submission(f"pasted-{number}", text))
            title, profile = form.get("title", ""), form.get("profile", "attack")
            return await run_in_threadpool(
                make_case, submissions, title if isinstance(title, str) else "",
                profile if isinstance(profile, str) else "attack",
            )
        finally:
            await form.close()

    @app.get("/api/cases", response_model=list[CaseOut], summary="The cases kept, newest first")
    def list_cases(limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[CaseOut]:
        return [_case_out(s) for s in store.list(limit)]

    def find(case_id: str) -> Any:
        case = store.get(case_id) if is_case_id(case_id) else None
        if case is None:
            raise HTTPException(404, "no case with that id")
        return case

    @app.get("/api/cases/{case_id}", response_model=CaseDetailOut, responses={404: {"model": ErrorOut}},
             summary="A case and its documents")
    def get_case(case_id: CaseId) -> CaseDetailOut:
        case = find(case_id)
        return CaseDetailOut(
            **_case_out(case.summary).model_dump(),
            document_list=[DocumentOut(id=d.id, name=d.name, chars=len(d.text))
                           for d in case.documents],
        )

    @app.get("/api/cases/{case_id}/report", responses={404: {"model": ErrorOut}},
             summary="The report JSON of a case, as described in CONTRACT.md")
    def get_report(case_id: CaseId) -> dict[str, Any]:
        report: dict[str, Any] = find(case_id).report
        return report

    @app.delete("/api/cases/{case_id}", status_code=204, responses={404: {"model": ErrorOut}},
                summary="Forget a case")
    def delete_case(case_id: CaseId) -> Response:
        if not store.delete(case_id):
            raise HTTPException(404, "no case with that id")
        return Response(status_code=204)

    @app.get("/cases/{case_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(case_id: CaseId, embedded: bool = False) -> HTMLResponse:
        case = find(case_id)
        page = render_html(case.report, case.texts, home_url="" if embedded else "/")
        return HTMLResponse(page, headers=report_headers(report_content_security_policy()))

    return app


def _report_title(report: dict[str, Any]) -> str:
    events = report.get("events") or []
    if len(events) == 1 and isinstance(events[0], dict):
        return str(events[0].get("title") or "")
    return ""
