from django.http import JsonResponse

from commentdesk.embed.openapi import openapi_document


def openapi(request):
    """GET /api/v1/openapi.json: this API's OpenAPI 3.1 document."""
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
