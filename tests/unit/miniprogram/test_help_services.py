"""Services that deal with a harm name it: a lawyer on loan disputes names 网贷 and 借贷, a voluntary
drug-treatment service names the drugs it treats. Their sentences inform (a fee is their own price), so
neither is read as a lender or a dealer; the same words with delivery, a private chat or a push still
sell. Written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from linkscan.miniprogram import MiniProgramMetadata
from linkscan.miniprogram.framing import frame_field
from linkscan.miniprogram.policy import load_policy
from linkscan.models import Verdict
from tests.unit.miniprogram.helpers import metadata

Scan = Callable[..., Verdict]
POLICY = load_policy()


def informational(text: str) -> bool:
    return all(sentence.informational for sentence in frame_field(text, POLICY).sentences)


@pytest.mark.parametrize(
    "text",
    [
        "大麻、冰毒、摇头丸依赖者可预约戒断评估，费用¥300，全程保密。",
        "信用卡套现、网贷被起诉，律师一对一解答，¥99/30分钟。",
        "Free legal advice for victims of payday loan apps.",
    ],
)
def test_help_service_sentences_inform_even_with_a_fee(text: str) -> None:
    assert informational(text)


@pytest.mark.parametrize(
    "text",
    [
        "戒断期间想要冰毒的私聊，同城配送。",
        "律师团队专业包下款，加微信 lawyer_loan66 。",
        "戒毒替代药包邮发货，量大从优。",
        "律师协助办理，3天下款。",  # a promised payout is no legal help
    ],
)
def test_help_words_with_delivery_a_private_chat_or_a_handle_still_sell(text: str) -> None:
    assert not informational(text)


def service(*texts: str, category: str) -> MiniProgramMetadata:
    pages = [{"path": f"pages/p{i}/index", "text": text} for i, text in enumerate(texts)]
    return metadata(name="服务中心", pages=pages, categories=[category])


def test_a_law_firm_on_loan_disputes_is_allowed(scan: Scan) -> None:
    verdict = scan(
        service(
            "网贷被起诉、高利借贷纠纷、被暴力催收怎么办？律师电话咨询¥199/次。",
            "我们只提供法律服务，不提供任何借款。",
            category="商务服务-法律服务",
        )
    )
    assert verdict.decision == "allow", verdict.reasons


def test_a_loan_offered_beside_the_same_legal_words_still_blocks(scan: Scan) -> None:
    verdict = scan(
        service("网贷逾期不用怕，黑户也能下款，当天放款，加微信 loan_helper88 。", category="商务服务-法律服务")
    )
    assert verdict.decision == "block"
    assert verdict.categories[0].category == "cash_loan"


def test_a_rehab_service_naming_the_drugs_it_treats_is_allowed(scan: Scan) -> None:
    verdict = scan(
        service("海洛因、冰毒成瘾者可预约戒毒门诊，家属陪同评估，费用¥300。", "由区戒毒所运营。", category="医疗-康复")
    )
    assert verdict.decision == "allow", verdict.reasons


def test_drugs_offered_under_a_rehab_name_still_block(scan: Scan) -> None:
    verdict = scan(service("戒毒期间想要冰毒的私聊，同城配送。", category="医疗-康复"))
    assert verdict.decision == "block"
    assert verdict.categories[0].subcategory == "drugs"
