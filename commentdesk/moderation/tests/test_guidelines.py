import classifier
from django.test import SimpleTestCase

from commentdesk.moderation.guidelines import Guideline


class GuidelineTestCase(SimpleTestCase):
    def test_the_desk_cites_the_classifier_guidelines_in_its_order(self):
        # Keys 1-7 in the workspace and the classifier's scores both follow this order.
        self.assertEqual(tuple(Guideline.values), classifier.GUIDELINES)
