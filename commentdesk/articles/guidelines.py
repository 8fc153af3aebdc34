from django.utils.translation import gettext_lazy, gettext_noop

# The default community guidelines shown above every comment form; editors replace them per site.
# A site stores them in English; while untouched they are shown in the interface language.
DEFAULT_GUIDELINES_EN = gettext_noop(
    "We welcome comments which are relevant to the article and further the discussion "
    "about the issues that matter to you. We also welcome constructive criticism of "
    "our own journalism.\n\n"
    "To be approved for publication, your comment must meet our community guidelines. "
    "We do not publish profanity, threats, personal attacks, vulgarity, abuse (such as "
    "sexism, racism, homophobia or xenophobia), or commercial or personal promotion.\n\n"
    "Comments that do not meet our guidelines are rejected. Comments are never edited: "
    "they are either approved or rejected."
)
DEFAULT_GUIDELINES = gettext_lazy(DEFAULT_GUIDELINES_EN)
