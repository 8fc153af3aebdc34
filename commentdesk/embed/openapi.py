"""The API's OpenAPI 3.1 document, written beside the route list in urls.py.

A test checks that every route in urls.py is described here and the other way round, and
schemathesis checks the server against it.
"""

from functools import cache

from commentdesk.comments.listing import Sort
from commentdesk.moderation.guidelines import Guideline


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description):
    return _json(_ref("Error"), description)


def _query(name, description, schema, required=False, **extra):
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema, **extra}


URL_PARAM = _query(
    "url", "The article's canonical URL.", {"type": "string", "maxLength": 500}, required=True
)
PAGE_PARAM = _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1})
SORT_PARAM = _query(
    "sort",
    "The top-level comments' order: oldest first (the default), newest first, or most "
    "approved replies first (ties oldest first).",
    {"enum": list(Sort.values), "default": Sort.OLDEST.value},
)
COMMENT_ID = {"name": "comment_id", "in": "path", "required": True,
              "schema": {"type": "integer", "minimum": 1}}
# Either one: the desk's session, or a moderator's personal API token.
MODERATOR = [{"session": []}, {"moderatorToken": []}]

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {"type": "string", "description": "What went wrong, for people."},
            "fields": {"type": "object", "additionalProperties": {
                "type": "array", "items": {"type": "string"}}},
            "retry_after": {"type": "integer", "minimum": 1,
                            "description": "With 429: seconds before posting again."},
            "login_url": {"type": "string", "description": (
                "With 401: where the reader signs in on the publisher's site.")},
            "detail": {"type": "string", "description": (
                "With 401 for a bad sso_token: what is wrong with it, for developers.")},
        },
    },
    "Comment": {
        "type": "object",
        "required": ["id", "author_name", "text", "created_at", "created_display"],
        "properties": {
            "id": {"type": "integer"},
            "parent_id": {"type": ["integer", "null"],
                          "description": "The top-level comment this one replies to."},
            "author_name": {"type": "string"},
            "text": {"type": "string", "description": "Plain text: show it as text, never as HTML."},
            "created_at": {"type": "string", "format": "date-time"},
            "created_display": {"type": "string", "description": "In the site's date format."},
        },
    },
    "ThreadComment": {
        "allOf": [_ref("Comment"), {
            "type": "object",
            "required": ["replies"],
            "properties": {"replies": {"type": "array", "items": _ref("Comment"),
                                       "description": "Approved replies, oldest first."}},
        }],
    },
    "OwnComment": {
        "allOf": [_ref("Comment"), {
            "type": "object",
            "required": ["status", "guideline", "status_text"],
            "properties": {
                "status": {"enum": ["pending", "approved", "rejected"]},
                "guideline": {"type": "string"},
                "status_text": {"type": "string"},
            },
        }],
    },
    "Site": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "language": {"type": "string"},
            "direction": {"enum": ["ltr", "rtl"]},
            "notice": {"type": "string"},
            "guidelines": {"type": "array", "items": {"type": "string"}},
            "max_length": {"type": "integer"},
            "strings": {"type": "object", "additionalProperties": {"type": "string"}},
            "sso": {"type": "object", "required": ["enabled", "required", "login_url"],
                    "description": "Single sign-on with the publisher's accounts.",
                    "properties": {"enabled": {"type": "boolean"},
                                   "required": {"type": "boolean"},
                                   "login_url": {"type": "string"}}},
        },
    },
    "CommentList": {
        "type": "object",
        "required": ["thread", "site", "featured", "comments", "page", "pages", "sort"],
        "properties": {
            "thread": {"type": "object", "properties": {
                "url": {"type": "string"}, "title": {"type": "string"},
                "open": {"type": "boolean"}, "count": {"type": "integer"}}},
            "site": _ref("Site"),
            "featured": {"type": "array", "items": _ref("Comment"), "description": (
                "On page 1, the comments the desk features, latest pick first; empty on "
                "later pages. They are also in their place in the list.")},
            "comments": {"type": "array", "items": _ref("ThreadComment")},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "sort": {"enum": list(Sort.values)},
        },
    },
    "NewComment": {
        "type": "object",
        "description": "author_name and author_email are required unless sso_token is given.",
        "required": ["url", "text"],
        "properties": {
            "url": {"type": "string", "description": "The article's canonical URL."},
            "title": {"type": "string", "description": "The headline, used on first post."},
            "author_name": {"type": "string", "maxLength": 80},
            "author_email": {"type": "string", "format": "email"},
            "text": {"type": "string"},
            "parent_id": {"type": ["integer", "null"], "minimum": 1, "description": (
                "Reply to this published comment of the same article; a reply to a reply "
                "joins its top-level comment's thread.")},
            "sso_token": {"type": "string", "description": (
                "A JWT (HS256) the publisher signed for its signed-in reader; the comment "
                "takes its name and email. See docs/guides/sso.md.")},
            "notify": {"type": "boolean", "default": False, "description": (
                "Email the commenter when the comment is published or rejected, and when a "
                "reply to it is published; each email has a one-click unsubscribe link.")},
            "website": {"type": "string", "description": (
                "Honeypot: leave it out or empty. A form that renders it hides it from people; "
                "a value is refused with 400.")},
        },
    },
    "NewReport": {
        "type": "object",
        "required": ["reason"],
        "properties": {
            "reason": {"enum": ["offensive", "abusive", "spam", "other"]},
            "note": {"type": "string", "maxLength": 300,
                     "description": "An optional line for the moderators."},
        },
    },
    "Decision": {
        "type": "object",
        "required": ["decision"],
        "properties": {
            "decision": {"enum": ["approve", "reject"]},
            "guideline": {"enum": list(Guideline.values)},
        },
    },
}


def _paths():
    return {
        "/api/v1/comments/": {
            "get": {
                "operationId": "listComments",
                "summary": "An article's approved comments, in threads (cached).",
                "parameters": [URL_PARAM, PAGE_PARAM, SORT_PARAM],
                "responses": {"200": _json(_ref("CommentList"), "A page of comments."),
                              "400": _error("A bad url, page or sort."),
                              "403": _error("The page's origin is not allowed.")},
            },
            "post": {
                "operationId": "postComment",
                "summary": "Post a comment; it stays pending until a moderator decides.",
                "description": "Needs an Origin header the article's site allows.",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _ref("NewComment")}}},
                "responses": {
                    "201": _json({"type": "object", "properties": {
                        "comment": _ref("OwnComment"), "token": {"type": "string"},
                        "message": {"type": "string"}}}, "Received, pending moderation."),
                    "400": _error("Field errors, as on the article page, a filled honeypot, "
                                  "a parent_id that is no comment of this article, an "
                                  "sso_token on a site without single sign-on, or a notify "
                                  "that is not a boolean."),
                    "401": _error("An invalid or expired sso_token, or none on a site that "
                                  "requires single sign-on; login_url says where to sign in."),
                    "403": _error("No Origin header, or one the site does not allow."),
                    "409": _error("Comments on this article are closed, this email posted "
                                  "the same text here lately, or parent_id is not published."),
                    "413": _error("Body too large."),
                    "415": _error("Body not JSON."),
                    "429": {**_error("Posting too fast, from this address or this email."),
                            "headers": {"Retry-After": {
                                "description": "Seconds before posting again.",
                                "schema": {"type": "integer", "minimum": 1}}}},
                },
            },
        },
        "/api/v1/comments/{comment_id}/status/": {
            "get": {
                "operationId": "commentStatus",
                "summary": "A comment's moderation status, for its author.",
                "parameters": [COMMENT_ID],
                "security": [{"authorToken": []}],
                "responses": {"200": _json({"type": "object", "properties": {
                    "comment": _ref("OwnComment")}}, "The comment and its status."),
                    "403": _error("Not this comment's author token."),
                    "404": _error("No such comment.")},
            },
        },
        "/api/v1/comments/{comment_id}/reports/": {
            "post": {
                "operationId": "reportComment",
                "summary": "Report a published comment to the moderators.",
                "description": "Needs an Origin header the comment's site allows. One report "
                               "per address and comment.",
                "parameters": [COMMENT_ID],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _ref("NewReport")}}},
                "responses": {
                    "201": _json({"type": "object", "properties": {
                        "message": {"type": "string"}}}, "Received."),
                    "400": _error("No reason, an unknown one, or a note too long."),
                    "403": _error("No Origin header, or one the site does not allow."),
                    "404": _error("No such comment."),
                    "409": _error("Already reported from this address, or not published."),
                    "413": _error("Body too large."),
                    "415": _error("Body not JSON."),
                    "429": {**_error("Reporting too fast from this address."),
                            "headers": {"Retry-After": {
                                "description": "Seconds before reporting again.",
                                "schema": {"type": "integer", "minimum": 1}}}},
                },
            },
        },
        "/api/v1/counts/": {
            "get": {
                "operationId": "commentCounts",
                "summary": "Approved-comment counts for up to 100 articles.",
                "parameters": [_query("url", "Canonical URLs, repeated.",
                                      {"type": "array", "items": {"type": "string"},
                                       "minItems": 1, "maxItems": 100},
                                      required=True, style="form", explode=True)],
                "responses": {"200": _json({"type": "object", "properties": {"counts": {
                    "type": "object", "additionalProperties": {"type": "integer"}}}},
                    "Counts by URL."), "400": _error("No url or a bad one."),
                    "403": _error("The page's origin is not allowed.")},
            },
        },
        "/api/v1/moderation/queue/": {
            "get": {
                "operationId": "moderationQueue",
                "summary": "Comments awaiting a moderator, oldest first.",
                "parameters": [PAGE_PARAM, _query(
                    "show", "pending (the default), or reported: published comments readers "
                    "reported, each with its open reports.", {"enum": ["pending", "reported"]})],
                "security": MODERATOR,
                "responses": {"200": _json({"type": "object"}, "A page of the queue."),
                              "400": _error("A bad page or show."),
                              "401": _error("Not logged in, or an unknown or revoked token."),
                              "403": _error("Not a moderator or editor.")},
            },
        },
        "/api/v1/moderation/comments/{comment_id}/decision/": {
            "post": {
                "operationId": "decideComment",
                "summary": "Approve or reject a pending or reported comment.",
                "parameters": [COMMENT_ID],
                "security": MODERATOR,
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _ref("Decision")}}},
                "responses": {"200": _json({"type": "object"}, "Decided."),
                              "400": _error("A bad decision or guideline."),
                              "401": _error("Not logged in, or an unknown or revoked token."),
                              "403": _error("Not a moderator, or a session without CSRF token."),
                              "404": _error("No such comment."),
                              "409": _error("Already decided.")},
            },
        },
        "/api/v1/openapi.json": {
            "get": {"operationId": "openapi", "summary": "This document.",
                    "responses": {"200": {"description": "OpenAPI 3.1."}}},
        },
    }


@cache
def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "commentdesk API", "version": "1"},
        "paths": _paths(),
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "authorToken": {"type": "http", "scheme": "bearer",
                                "description": "The token returned when the comment was posted."},
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid",
                            "description": "The desk's login session; writes need X-CSRFToken."},
                "moderatorToken": {"type": "http", "scheme": "bearer", "description": (
                    "A moderator's or editor's personal API token (it begins with cdm_), "
                    "created in the desk under API tokens; no CSRF token needed.")},
            },
        },
    }
