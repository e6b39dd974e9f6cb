from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Vietnamese unless the user chose otherwise (language cookie, set by the switcher).

    In the screens the browser's Accept-Language is ignored on purpose: many officers' browsers
    are in English and the working language is Vietnamese. API clients are programs that ask
    for a language explicitly, so under /api/ Accept-Language is honoured.
    """

    def process_request(self, request):
        if request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            codes = {code for code, _name in settings.LANGUAGES}
            language = chosen if chosen in codes else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
