"""Written English dev items where no real text was found (used by en_build.py).

Every item is marked `synthetic: true` with the real pattern it imitates. Offers are assembled from
per-subcategory phrase pools (goods, first-person pitch, price in varied currencies, contact) plus
shared offering speech (shop navigation, shipping/returns, wholesale wording); some carry a pasted
"licensed"/regulator phrase, as attackers do (issue 13, point 2). Hard negatives follow the
discussion genres of issue 13, point 1. Contacts use fictional numbers (555, 07700 900xxx) and
.example domains.
"""

from __future__ import annotations

import random
import re

WRITER = "linkscan dev-data helper (dataen)"
TARGET_PER_SUB = 30

CONTACTS = [
    "WhatsApp +1 646 555 0137",
    "Telegram @{shop}_support",
    "text 07700 900461",
    "email sales@{domain}",
    "Signal +44 7700 900128",
    "call 1-888-555-0199",
    "Wickr: {shop}desk",
    "DM us on Instagram @{shop}.official",
]
CTAS = {
    "cash_loan": [
        "Click the link to apply: https://{domain}/apply",
        "Apply online in 2 minutes at {domain}.",
        "Reply YES and our agent will contact you.",
        "Visit our website {domain} and check your limit.",
    ],
    "goods": [
        "Order now at {domain}.",
        "Browse our shop: {domain}/shop",
        "Visit our website {domain} and add to cart.",
        "Message us to order, we reply within 10 minutes.",
        "Checkout takes 2 minutes, pay by card, Zelle, BTC or USDT.",
    ],
}
CUES = {
    "cash_loan": [
        "Money in your bank account within 1 hour, 24/7.",
        "No paperwork, no guarantor, no visit to a branch.",
        "Refer a friend and earn $50 for every approved loan.",
        "Repeat customers get higher limits and lower fees.",
    ],
    "goods": [
        "Worldwide shipping, discreet packaging, tracking number within 24h.",
        "We ship from our EU warehouse, 3-5 days delivery, reship free if seized.",
        "Free returns within 14 days, see our Shipping & Returns page.",
        "Wholesale prices for resellers from 10 pcs, dropshipping supported.",
        "Bulk orders welcome, we are the direct supplier, no middleman.",
        "Stealth shipping, vacuum sealed, no signature required.",
    ],
}
DAMPENERS = {
    "cash_loan": [
        "Licensed partner of regulated lenders.",
        "Authorised by the Financial Conduct Authority (ref. 000000).",
        "We comply with all applicable lending laws.",
    ],
    "goods": [
        "FDA registered facility. Consult your doctor.",
        "We comply with all applicable laws and regulations.",
        "This site is for informational purposes only.",
    ],
}
PRICE_FORMS = ["${n}", "US$ {n}", "£{n}", "€{n}", "{n} EUR", "AUD {n}", "CAD ${n}", "{n} USDT", "₹{n}"]


def price(rng: random.Random, low: int, high: int) -> str:
    n = rng.randint(low, high)
    return rng.choice(PRICE_FORMS).format(n=f"{n:,}")


# subcategory -> (label, shop names, goods, pitch templates, price range, imitates)
SUBS: dict[str, tuple[str, list[str], list[str], list[str], tuple[int, int], str]] = {
    "payday_loan": (
        "cash_loan",
        ["paydaycashnow", "quickpaycheck", "nextdayfunds", "cashtilfriday"],
        [
            "payday loan",
            "cash advance until payday",
            "paycheck advance",
            "same-day payday loan",
            "short-term cash loan",
            "emergency payday cash",
        ],
        [
            "Get a {g} of up to {p} deposited today, no credit check, bad credit OK.",
            "Approved in 5 minutes: {g} up to {p}, repay on your next payday. APR 390%-664%.",
            "Short on rent? Our {g} puts {p} in your account tonight. Just a pay stub and a bank account.",
            "We lend to everyone: {g}, fee only $15 per $100 borrowed, roll over anytime.",
            "Need cash before Friday? Borrow {p} with our {g}. Representative APR 521%.",
        ],
        (100, 1500),
        "US/UK payday-loan landing pages and SMS ads (no credit check, triple-digit APR)",
    ),
    "loan_app": (
        "cash_loan",
        ["cashpocketapp", "rupeeflash", "loanbuddyapp", "instacashgo"],
        [
            "instant loan app",
            "CashPocket app loan",
            "mobile loan app",
            "7-day app loan",
            "quick loan app credit",
        ],
        [
            "Download our {g} and get {p} in 3 minutes, only your ID and phone number needed.",
            "New users: first {g} up to {p}, 0 paperwork, allow contacts access to get approved faster.",
            "{g}: borrow {p} for 7 days, service fee 25%, money to your wallet instantly.",
            "Install the {g} from our link (not on the app store yet), approval 99%, limit up to {p}.",
        ],
        (50, 2000),
        "instant-loan app promotions (sideloaded APK, contacts permission, 7-day terms)",
    ),
    "student_loan": (
        "cash_loan",
        ["campuscashfast", "unifundnow", "studentquickloan", "tuitionbridge"],
        [
            "student loan",
            "campus loan",
            "tuition loan for students",
            "student cash loan",
            "no-cosigner student loan",
        ],
        [
            "College students: {g} up to {p} with just your student ID, no cosigner, parents never notified.",
            "Tuition due? Our {g} pays {p} in 24 hours, no credit history required, repay after graduation.",
            "{g} for any purpose: laptop, phone, travel. Borrow {p}, just send a photo of your student card.",
            "We approve every student: {g} of {p}, weekly interest 3%, ask about our referral bonus.",
        ],
        (200, 8000),
        "campus-loan ads aimed at students (student ID as collateral, no parental consent)",
    ),
    "card_cashout": (
        "cash_loan",
        ["cardtocashpro", "limit2cash", "swipecashdesk", "creditflipper"],
        [
            "credit card cash-out",
            "cash out your credit limit",
            "card limit to cash service",
            "credit card payoff and re-swipe service",
            "unused credit line to cash",
        ],
        [
            "{g}: we swipe your card on our merchant terminal and send you cash, fee only 1.8%.",
            "Turn your available credit into money today with our {g}, up to {p}, no cash-advance fee from your bank.",
            "We pay your card bill first and you swipe it back on our POS: {g}, amounts up to {p}.",
            "{g} with any Visa/Mastercard, same-day transfer, we also raise your limit.",
        ],
        (1000, 50000),
        "card cash-out / card-repayment services (fake merchant transactions)",
    ),
    "predatory_loan": (
        "cash_loan",
        ["guaranteedloans247", "easyapprovefinance", "carkeycash", "noquestionsloans"],
        [
            "guaranteed loan",
            "no credit check loan",
            "car title loan",
            "bad credit personal loan",
            "unsecured loan for anyone",
        ],
        [
            "{g} of {p}: 100% approval, no credit check, pay a small insurance fee to release your funds.",
            "Keep driving your car while we lend you {p}: {g}, no income proof.",
            "Denied by banks? Our {g} approves everyone, {p} in 1 hour, interest 30% per month.",
            "Private lender offering {g} up to {p}, upfront processing fee $99, funds sent after fee.",
        ],
        (500, 25000),
        "guaranteed-approval and advance-fee loan ads, car title loans",
    ),
    "loan_agent": (
        "cash_loan",
        ["loanfixerpros", "approvalbrokers", "fileboostagents", "bankinsiderloans"],
        [
            "loan application packaging",
            "loan broker service",
            "bank loan approval service",
            "loan file preparation",
            "mortgage and personal loan agent",
        ],
        [
            "I am a loan agent: rejected by your bank? Our {g} gets {p} approved, "
            "we prepare bank statements and employment letters.",
            "{g}: we polish your credit file and submit to our partner banks, "
            "fee 5% after disbursement, loans up to {p}.",
            "Our {g} works with insiders at 12 lenders, approval even with defaults, amounts to {p}.",
            "Professional {g}: pay stubs, tax returns and references arranged, guaranteed approval of {p}.",
        ],
        (5000, 300000),
        "loan brokers who 'package' applications (made-up statements, insider approval)",
    ),
    "replica_goods": (
        "counterfeit",
        ["superclonehub", "mirrorluxe", "aaareps", "repsvault"],
        [
            "1:1 super clone Rolex Submariner",
            "AAA replica Louis Vuitton Neverfull",
            "mirror quality Hermes Birkin replica",
            "replica Cartier Love bracelet",
            "top tier rep Omega Speedmaster",
            "replica Chanel Classic Flap",
            "super fake Audemars Piguet Royal Oak",
        ],
        [
            "We sell {g} at {p}, identical to the genuine, QC photos before shipping.",
            "New arrival: {g}, 904L steel, clone movement, only {p} with box and papers.",
            "{g} for {p} (retail $14,000), nobody can tell the difference.",
            "Factory direct {g}, grade AAA+, {p}, free retake of QC pictures.",
        ],
        (80, 900),
        "replica shop listings and social posts (1:1, AAA, QC photos, genuine retail beside rep price)",
    ),
    "fake_certified": (
        "counterfeit",
        ["certprintshop", "authcardsupply", "labelsandseals", "legitcheckpass"],
        [
            "Rolex warranty card and papers set",
            "GIA diamond grading certificate",
            "CE and FCC certificates for your products",
            "UL listed holographic labels",
            "NFC authenticity tags for sneakers",
            "FDA approval certificate for supplements",
        ],
        [
            "We print {g} with your serial number, passes verification, {p} each.",
            "Need {g}? Made in 2 days, same hologram and paper as the original, {p}.",
            "{g} for any product, no testing needed, bulk price {p} per 100.",
            "Our {g} scan as genuine on the brand's app. {p} per piece, wholesale available.",
        ],
        (15, 400),
        "sellers of fake certification marks, authenticity cards and grading certificates",
    ),
    "copycat": (
        "counterfeit",
        ["factorysurplusdeals", "oemoverrun", "brandtwinstore", "samefactorygoods"],
        [
            "AirPods Pro 2 copy with original logo",
            "Nike Dunk factory variant",
            "Dyson Airwrap dupe with Dyson branding",
            "Apple Watch Ultra clone, serial passes check",
            "Stanley tumbler copy with laser logo",
            "Beats Studio headphones OEM copy",
        ],
        [
            "{g}, made on the same production line as the brand, factory surplus price {p}.",
            "Special supply: {g}, box and logo identical, {p}, 20 pcs minimum for wholesale.",
            "We sell {g} at {p}; same factory, no brand margin.",
            "{g} in stock, looks 100% original, {p}, dropshipping worldwide.",
        ],
        (12, 250),
        "copies sold with the brand's logo under 'factory surplus'/'special supply' euphemisms",
    ),
    "drugs": (
        "contraband",
        ["greenstealthshop", "plugnextday", "darkleafvendor", "euphoriadrop"],
        [
            "cocaine 90% pure",
            "MDMA crystals",
            "ketamine shards",
            "LSD tabs 150ug",
            "magic mushrooms Golden Teacher",
            "THC vape carts 1g",
            "top shelf weed OG Kush",
            "crystal meth",
        ],
        [
            "We sell {g}, {p} per gram, stealth shipping worldwide.",
            "Fresh batch of {g} in stock: 5g for {p}, pay in BTC or XMR.",
            "{g} available now, same-day drop in London and Berlin, {p}.",
            "Trusted vendor since 2019: {g}, {p}, reship policy if lost.",
        ],
        (20, 600),
        "darknet and Telegram drug vendor listings (stealth shipping, crypto payment)",
    ),
    "weapons": (
        "contraband",
        ["ghostlowers", "tacticaldirect", "noffldeals", "armsandparts"],
        [
            "Glock 19 Gen5",
            "80% lower receiver kit",
            "solvent trap suppressor kit",
            "AR-15 complete upper",
            "9mm ammunition 1000 rounds",
            "switchblade auto knife",
            "Glock auto sear switch",
        ],
        [
            "{g} for sale, no background check, no FFL, {p} shipped in parts.",
            "We ship {g} discreetly as machine parts, {p}, cash or crypto only.",
            "{g} in stock, untraceable, {p}, meet-up or courier.",
            "Private seller: {g}, {p}, no paperwork needed.",
        ],
        (80, 2500),
        "gun and gun-part offers without checks (ghost guns, auto sears, suppressor kits)",
    ),
    "wildlife": (
        "contraband",
        ["rareivorycarvings", "exoticpetsdirect", "tcmrareherbs", "oceanrarities"],
        [
            "antique ivory carvings",
            "rhino horn powder",
            "pangolin scales",
            "tiger bone wine",
            "slow loris babies",
            "hawksbill turtle shell bracelets",
            "shark fin, dried grade A",
        ],
        [
            "We sell {g}, genuine, {p}, no CITES paperwork needed.",
            "{g} available, {p} per piece, shipped as handicraft.",
            "Wholesale {g} direct from the source, {p} per kg.",
            "Rare {g} for collectors, {p}, discreet worldwide shipping.",
        ],
        (60, 9000),
        "listings for products of protected species (ivory, rhino horn, pangolin scales, live primates)",
    ),
    "prescription_medicine": (
        "contraband",
        ["norxpharma", "medsfromindia", "ozempicdirect", "pillsnorx"],
        [
            "Xanax 2mg",
            "Oxycodone 30mg",
            "Adderall XR 20mg",
            "Ozempic pens",
            "tramadol 100mg",
            "Valium 10mg",
            "Modafinil 200mg",
        ],
        [
            "Buy {g} without prescription, {p} for 90 pills, overnight delivery.",
            "{g} in stock, no Rx needed, {p}, shipped from India.",
            "We sell {g}: no doctor, no questions, {p} per pack.",
            "{g} at {p}, online consultation skipped, discreet delivery.",
        ],
        (40, 700),
        "no-prescription online pharmacy pages and spam",
    ),
    "medical_devices": (
        "contraband",
        ["medequipclearance", "clinicdealsdirect", "homedevicebargains", "aestheticsupply"],
        [
            "unregistered insulin pumps",
            "Botox and dermal filler kits",
            "refurbished portable ultrasound, no certification",
            "coloured contact lenses, no prescription",
            "IPL hair removal machines for clinics",
            "COVID antigen test kits, unapproved",
            "hearing aids from the factory, unregistered",
        ],
        [
            "We sell {g}, {p}, no licence needed to buy.",
            "{g} at {p}, sold without registration papers, ship to any address.",
            "Clinic owners: {g}, {p}, no import registration, cheaper than distributors.",
            "{g} in stock, {p}, direct from factory, no medical licence required.",
        ],
        (30, 4000),
        "medical devices sold without registration (fillers, lenses, pumps, test kits)",
    ),
    "tobacco": (
        "contraband",
        ["dutyfreesmokes", "vapecloudshop", "cheapcartons", "puffbarwholesale"],
        [
            "Marlboro cartons, duty free",
            "disposable vapes 6000 puffs",
            "heated tobacco sticks",
            "snus, 50 cans",
            "e-liquid nicotine 50mg",
            "cheap cigarettes, 10 cartons",
        ],
        [
            "We sell {g} at {p}, no tax, delivered to your door.",
            "{g} only {p}, buy 3 get 1 free, wholesale for shops.",
            "Vape shop online: {g}, {p}, all flavours in stock.",
            "{g} from our Swiss bonded warehouse, {p}, free shipping.",
        ],
        (15, 400),
        "untaxed cigarette and vape shop offers (vape shops are contraband under the cn profile)",
    ),
    "sexual_drugs": (
        "contraband",
        ["manpowerpills", "loveboosterstore", "nightkingherbs", "passionshop"],
        [
            "Viagra 100mg",
            "Cialis 20mg",
            "herbal male enhancer (sildenafil inside)",
            "female arousal drops",
            "Spanish fly liquid",
            "Kamagra oral jelly",
        ],
        [
            "{g}: last all night, {p} for 30 pills, no prescription.",
            "We sell {g} at {p}, discreet package, works in 15 minutes.",
            "{g} for him and her, {p}, money back guarantee.",
            "Best price {g}: {p}, buy 2 boxes get 1 free.",
        ],
        (20, 200),
        "sex-enhancement pill spam and shops",
    ),
    "forged_documents": (
        "contraband",
        ["novelty-ids", "docsmasterpro", "scannablelicence", "paperworkexpress"],
        [
            "scannable driver's licence",
            "real passport, registered in database",
            "university diploma with transcript",
            "bank statements for visa applications",
            "utility bills for address proof",
            "pay stubs and employment letters",
        ],
        [
            "We make {g}, passes UV and barcode scan, {p}.",
            "{g} ready in 5 days, any name, any state, {p}.",
            "Need {g}? Custom made, {p}, express courier.",
            "{g} for {p}, identical to originals, 100% discreet.",
        ],
        (50, 3000),
        "fake ID, passport and document mill offers",
    ),
    "counterfeit_currency": (
        "contraband",
        ["undetectablenotes", "propbillsplus", "gradeAbills", "euronotesdirect"],
        [
            "undetectable counterfeit $100 bills",
            "grade A fake euro notes",
            "counterfeit GBP £20 notes",
            "prop money that passes the pen test",
            "fake banknotes with security strip",
        ],
        [
            "We sell {g}: $10,000 face value for {p}, passes pen and UV.",
            "{g} for sale, {p} per batch, use in shops and ATMs.",
            "High quality {g}, watermark and hologram, {p}, discreet delivery.",
            "{g}, buy 5k face for {p}, bulk discounts.",
        ],
        (300, 4000),
        "counterfeit banknote sellers (face value vs price, passes pen test)",
    ),
    "personal_data": (
        "contraband",
        ["fullzmarket", "leakdbshop", "otpbypass", "dataapihub"],
        [
            "fullz with SSN and DOB",
            "CVV dumps with balance",
            "leaked customer database, 2 million rows",
            "KYC-verified bank accounts",
            "SMS verification code interception",
            "phone number to name lookup API",
        ],
        [
            "We sell {g}, fresh, {p} per record, bulk discounts.",
            "{g} updated daily, {p}, replacement if invalid.",
            "{g} for {p}, delivered over Telegram, pay in USDT.",
            "Buy {g}: {p}, high valid rate, escrow available.",
        ],
        (5, 2000),
        "personal-data and carding shops (fullz, dumps, leaked databases, OTP interception)",
    ),
    "surveillance": (
        "contraband",
        ["spyonpartner", "hiddencamstore", "trackanyphone", "stealthlogger"],
        [
            "spy app to read WhatsApp and SMS remotely",
            "hidden camera in a USB charger",
            "GPS tracker magnet, hidden",
            "phone location tracking by number",
            "keylogger that emails every keystroke",
            "IMSI catcher for sale",
        ],
        [
            "{g}: install in 2 minutes, target never knows, {p}.",
            "We sell {g}, {p}, works on any phone, invisible icon.",
            "{g} for {p}, catch a cheating partner tonight.",
            "{g} in stock, {p}, no trace, 24/7 support.",
        ],
        (40, 9000),
        "stalkerware, hidden cameras and phone-tracking services",
    ),
}

GENRES_TEXT = ["sms_ad", "listing", "social_post", "spam_email", "broker_message"]
HTML_PER_SUB = {
    "payday_loan": 2,
    "loan_app": 2,
    "student_loan": 2,
    "card_cashout": 2,
    "predatory_loan": 2,
    "loan_agent": 2,
    "replica_goods": 4,
    "fake_certified": 4,
    "copycat": 4,
}


def _kind(sub: str) -> str:
    return "cash_loan" if SUBS[sub][0] == "cash_loan" else "goods"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(rng: random.Random, sub: str) -> tuple[str, str, str, list[str]]:
    _label, shops, goods, pitches, (low, high), _ = SUBS[sub]
    shop = rng.choice(shops)
    domain = f"{shop}.example"
    g = rng.choice(goods)
    lines = [_sentence(t.format(g=g, p=price(rng, low, high))) for t in rng.sample(pitches, 2)]
    return shop, domain, g, lines


def _text_offer(rng: random.Random, sub: str, genre: str, dampen: bool) -> str:
    shop, domain, g, lines = _fill(rng, sub)
    contact = rng.choice(CONTACTS).format(shop=shop, domain=domain)
    cta = rng.choice(CTAS[_kind(sub)]).format(domain=domain)
    ship = rng.choice(CUES[_kind(sub)])
    if genre == "sms_ad":
        parts = [lines[0], f"{contact}."]
    elif genre == "listing":
        parts = [f"[{g.upper()}]", lines[0], lines[1], ship, f"Vendor: {shop}. {contact}."]
    elif genre == "social_post":
        parts = [f"🔥 {lines[0]}", lines[1], f"{cta} #{shop}"]
    elif genre == "spam_email":
        parts = [
            f"Subject: {g.title()} - limited offer",
            "Dear customer,",
            *lines,
            ship,
            cta,
            f"Best regards, {shop} team",
        ]
    else:
        parts = [f"Hi, this is Alex from {shop}.", *lines, f"Add me: {contact}."]
    if dampen:
        parts.append(rng.choice(DAMPENERS[_kind(sub)]))
    return "\n".join(parts) if genre in {"listing", "spam_email"} else " ".join(parts)


def _html_offer(rng: random.Random, sub: str, dampen: bool) -> str:
    label, _shops, goods, _pitches, (low, high), _ = SUBS[sub]
    shop, domain, g, lines = _fill(rng, sub)
    products = "\n".join(
        f'<div class="product"><h3>{item}</h3><p class="price">{price(rng, low, high)}</p>'
        f"<button>Add to cart</button></div>"
        for item in rng.sample(goods, min(3, len(goods)))
    )
    nav_extra = {"cash_loan": "Apply | Rates | FAQ", "counterfeit": "New arrivals | Best sellers | QC photos"}.get(
        label, "Catalogue | Bulk orders | Track order"
    )
    foot = rng.choice(DAMPENERS[_kind(sub)]) if dampen else "All rights reserved."
    contact = rng.choice(CONTACTS).format(shop=shop, domain=domain)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{shop} | {g}</title>"
        f'<meta name="description" content="{lines[0]}"></head>\n<body>\n'
        f'<header><a class="logo" href="/">{shop}</a><nav><a href="/">Home</a> | <a href="/shop">Shop</a> | '
        f'{nav_extra} | <a href="/shipping">Shipping &amp; Returns</a> | '
        '<a href="/contact">Contact</a></nav></header>\n'
        f'<main><h1>{g.title()}</h1>\n<p>{lines[0]}</p>\n<section class="products">\n{products}\n</section>\n'
        f"<section><h2>Why buy from us</h2><p>{lines[1]}</p><p>{rng.choice(CUES[_kind(sub)])}</p></section>\n</main>\n"
        f"<footer><p>Contact: {contact}</p><p>We accept Visa, Mastercard, Zelle, BTC, USDT.</p>"
        f"<p>&copy; 2026 {shop}. {foot}</p></footer>\n</body></html>"
    )


def offers(have: dict[str, int]) -> list[dict]:
    rng = random.Random(1313)
    out: list[dict] = []
    for sub, (label, *_rest, imitates) in SUBS.items():
        need = max(0, TARGET_PER_SUB - have.get(sub, 0))
        n_html = HTML_PER_SUB.get(sub, 2)
        need = max(need, n_html)
        for i in range(need):
            dampen = i % 7 == 3
            is_html = i < n_html
            genre = "shop_page" if is_html else GENRES_TEXT[i % len(GENRES_TEXT)]
            item: dict = {
                "id": f"en-syn-{sub.replace('_', '')}-{i + 1:03d}",
                "format": "html" if is_html else "text",
                "lang": "en",
                "label": label,
                "subcategory": sub,
                "hard_negative": False,
                "genre": genre,
                "source": "synthetic-dataen",
                "synthetic": True,
                "provenance": {
                    "synthetic": True,
                    "written_by": WRITER,
                    "based_on": imitates,
                    "note": "offer with a pasted licence/regulator phrase (dampener evasion)"
                    if dampen
                    else "offer assembled from the subcategory's phrase pool",
                },
            }
            if is_html:
                item["html"] = _html_offer(rng, sub, dampen)
            else:
                item["text"] = _text_offer(rng, sub, genre, dampen)
            if sub in {"drugs", "tobacco"} and ("THC" in item.get("text", item.get("html", "")) or sub == "tobacco"):
                item["jurisdiction_note"] = "contraband under the cn profile even where licensed locally"
            out.append(item)
    return out


# ---- hard negatives ---------------------------------------------------------------------------

# (topic, quoted ad phrase, quoted price, seller type, brand owner or None)
TOPICS = [
    ("replica watches", "1:1 super clone Rolex", "$450", "replica dealer", "Rolex"),
    ("counterfeit handbags", "AAA mirror-quality Louis Vuitton bag", "$180", "handbag counterfeiter", "Louis Vuitton"),
    ("fake sneakers", "UA top-batch Nike Dunk", "$65", "sneaker reseller", "Nike"),
    ("fake AirPods", "AirPods Pro copy with original logo", "$39", "electronics counterfeiter", "Apple"),
    ("payday loans", "cash in 15 minutes, no credit check", "$300", "payday lender", None),
    ("loan apps", "instant loan, approval in 3 minutes", "$200", "loan app operator", None),
    ("card cash-out schemes", "turn your credit limit into cash, fee 1.8%", "$5,000", "card cash-out ring", None),
    ("no-prescription pharmacies", "Xanax without prescription", "$3 a pill", "online pharmacy", None),
    ("counterfeit Ozempic", "Ozempic pens, no prescription", "$120 a pen", "pen counterfeiter", "Novo Nordisk"),
    ("sex-enhancement pills", "herbal Viagra, lasts all night", "$29", "supplement seller", None),
    ("fake IDs", "scannable driver's licence", "$150", "ID mill", None),
    ("counterfeit banknotes", "undetectable $100 bills", "$2,000 for $10,000 face value", "counterfeiting ring", None),
    ("ghost guns", "80% lower kit, no background check", "$299", "gun-parts seller", None),
    ("ivory and rhino horn", "antique ivory carvings, no CITES papers", "$3,000", "wildlife trafficker", None),
    ("untaxed cigarettes", "Marlboro cartons, duty free", "£35 a carton", "cigarette smuggler", None),
    ("disposable vapes", "6000-puff vapes, all flavours", "$9", "vape importer", None),
    ("stalkerware", "read your partner's WhatsApp remotely", "$49 a month", "spyware vendor", None),
    ("stolen card data", "fullz with SSN and DOB", "$25 a record", "carding shop", None),
    ("darknet drugs", "MDMA crystals, stealth shipping", "$40 a gram", "darknet vendor", None),
    ("unregistered dermal fillers", "Botox kits, no licence needed", "$60", "filler importer", None),
]

HN_TEMPLATES: dict[str, list[str]] = {
    "explainer": [
        "What the grades mean when people talk about {t}: sellers advertise '{q}' at about {p}, "
        "while the genuine item costs many times more. The grade labels are marketing; none of them makes "
        "the item legal to import, and customs can seize it. This explainer compares the claims, it sells nothing.",
        "A guide to the {t} market for readers who keep seeing '{q}' ads. We look at how sellers set prices "
        "(typically {p}), why the cheapest tiers fail within months, and what the law says about buying them.",
    ],
    "spotting_guide": [
        "How to spot {t}: listings that promise '{q}' for {p} are the first warning sign. Check serial numbers "
        "with the brand, compare fonts and weight, and buy only from {where}.",
        "Five signs you are looking at {t}: a price like {p}, the phrase '{q}', payment only by crypto or gift "
        "cards, no returns, and a seller who moves you to WhatsApp. If you see them, report the listing.",
    ],
    "debunk": [
        "Fact check: an ad circulating this week promises '{q}' for {p}. We traced the offer: the site was "
        "registered last month, the reviews are copied, and buyers report receiving nothing. Do not pay; "
        "report the ad to the platform.",
        "No, that '{q}' deal is not real. Consumer groups received dozens of complaints about sites quoting {p}; "
        "the goods either never arrive or are {t} that can be seized at the border.",
    ],
    "journalism": [
        "Inside a {s}'s operation: our reporters spent three months following a seller who advertised '{q}' at {p}. "
        "Former customers described missed deliveries and threats; the seller declined to comment.",
        "The {s} who made millions: court records show the business behind '{q}' ads took orders at {p} "
        "through a network of shell companies before investigators shut it down.",
    ],
    "treatment": [
        "Struggling with substance use? Our clinic treats dependence on opioids, oxycodone, fentanyl, Xanax, "
        "cocaine, methamphetamine and ketamine. Confidential help is available 24/7: call the national "
        "helpline 1-800-662-4357. Most insurance plans accepted; no one is turned away for inability to pay.",
        "Recovery starts with one call. Our counsellors help people who misuse Adderall, tramadol, MDMA or alcohol, "
        "and their families. Free, confidential helpline: 0300 123 6600. We do not sell or prescribe any drug online.",
    ],
    "harm_reduction": [
        "Harm reduction notice: pills sold as Xanax, oxycodone or 'MDMA' are increasingly pressed with fentanyl "
        "or nitazenes. Carry naloxone, never use alone, and test your drugs. Free test strips and naloxone at our "
        "drop-in centre; overdose line 1-800-484-3731.",
        "If you use cocaine, ketamine or LSD, know the risks of mixing. Our outreach team offers free drug checking, "
        "clean supplies and referrals to treatment. This page gives safety information only.",
    ],
    "news": [
        "Police say {t} are flooding social media, with ads quoting '{q}' for as little as {p}. Officials urged "
        "the public not to buy and said several accounts had been suspended.",
        "Prices for {t} have fallen to around {p}, according to a new industry report, which warns that ads "
        "promising '{q}' are often scams.",
    ],
    "regulator": [
        "Consumer warning: the regulator has received reports of websites offering '{q}' for {p}. These sellers "
        "are not authorised. Do not share your personal or card details; report suspicious offers to us.",
        "Public notice on {t}: selling or importing these goods without authorisation is an offence. Ads that "
        "promise '{q}' should be reported. Penalties include fines and imprisonment.",
    ],
    "crackdown_news": [
        "Authorities seized {t} worth $2.3 million in a raid on a warehouse on Tuesday and arrested four people. "
        "The group allegedly advertised '{q}' online at {p}.",
        "Customs officers intercepted 1,200 parcels of {t} last month. Prosecutors said the {s} behind the shipments "
        "marketed '{q}' for {p} and now faces charges.",
    ],
    "licensed_lender": [
        "Representative example: borrow $1,000 over 12 months at 19.9% APR (fixed). Total repayable $1,110.48. "
        "We are a licensed lender; loans are subject to status and affordability checks. Late payment can cause "
        "serious money problems; for free debt advice contact a non-profit counsellor.",
        "Our personal loans range from 8.9% to 35.9% APR. We check your credit and income before any decision, "
        "and we never charge an upfront fee. State licence numbers are listed on our disclosures page.",
    ],
    "official_brand": [
        "Official {b} statement on counterfeits: we do not sell through social media, marketplaces or WhatsApp. "
        "Products advertised as '{q}' are not ours. Find an authorised retailer with our store locator.",
        "Buy genuine: every {b} product is sold only through our own boutiques and authorised retailers. If an "
        "offer such as '{q}' at {p} seems too good to be true, it is. "
        "Report counterfeits to our brand protection team.",
    ],
}
HN_HTML_GENRES = ("official_brand", "treatment", "regulator", "spotting_guide", "licensed_lender")


def _hn_html(genre: str, title: str, body: str) -> str:
    org = {
        "official_brand": "Brand Protection",
        "treatment": "Hope Recovery Center",
        "regulator": "Consumer Protection Office",
        "spotting_guide": "Shopper Safety Guide",
        "licensed_lender": "Harbor Credit Union",
    }[genre]
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} | {org}</title></head>\n'
        f'<body><header><a href="/">{org}</a><nav><a href="/">Home</a> | <a href="/about">About us</a> | '
        f'<a href="/news">News</a> | <a href="/contact">Contact</a></nav></header>\n'
        f"<main><article><h1>{title}</h1><p>{body}</p></article></main>\n"
        f"<footer><p>&copy; 2026 {org}. Privacy | Accessibility | Terms</p></footer></body></html>"
    )


def hard_negatives(n: int) -> list[dict]:
    rng = random.Random(2626)
    out: list[dict] = []
    genres = list(HN_TEMPLATES)
    i = 0
    while len(out) < n:
        genre = genres[i % len(genres)]
        template = HN_TEMPLATES[genre][(i // len(genres)) % len(HN_TEMPLATES[genre])]
        topics = [tp for tp in TOPICS if tp[4]] if genre == "official_brand" else TOPICS
        t, q, p, seller, brand = topics[(i * 7 + i // len(genres)) % len(topics)]
        where = f"{brand}'s own boutiques and authorised retailers" if brand else "licensed, verifiable sellers"
        body = template.format(t=t, q=q, p=p, s=seller, b=brand, where=where)
        i += 1
        item: dict = {
            "id": f"en-syn-clean-{genre.replace('_', '')}-{i:03d}",
            "lang": "en",
            "label": "clean",
            "subcategory": None,
            "hard_negative": True,
            "genre": genre,
            "source": "synthetic-dataen",
            "synthetic": True,
            "provenance": {
                "synthetic": True,
                "written_by": WRITER,
                "based_on": f"{genre.replace('_', ' ')} texts that name {t} and quote an ad without offering it",
                "note": "discussion: quotes a seller's phrase and price",
            },
        }
        if genre in HN_HTML_GENRES and rng.random() < 0.35:
            item.update(format="html", html=_hn_html(genre, t.capitalize() + ": what you should know", body))
        else:
            item.update(format="text", text=body)
        out.append(item)
    return out


# ---- evasions ---------------------------------------------------------------------------------

LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "A": "4", "E": "3", "I": "1", "O": "0"})
MISSPELL = {
    "viagra": "viagara",
    "cialis": "cialiss",
    "xanax": "xanaks",
    "oxycodone": "oxycodon",
    "adderall": "aderal",
    "ketamine": "ketamin",
    "cocaine": "cocaina",
    "tramadol": "tramadoll",
    "valium": "valum",
    "phentermine": "fentermine",
    "propecia": "propesha",
    "ozempic": "ozempik",
    "mdma": "m d m a",
}
KEY_TERMS = re.compile(
    r"\b(viagra|cialis|xanax|oxycodone|adderall|ketamine|cocaine|tramadol|valium|phentermine|propecia|ozempic|mdma|"
    r"replica|rolex|clone|loan|loans|payday|cigarettes?|vapes?|diplomas?|passport|licen[cs]e|fullz|ivory|"
    r"counterfeit|prescription|pharmacy|credit|cash)\b",
    re.I,
)
KINDS = ("leetspeak", "separators", "run_together", "misspelling")


def _evade(text: str, kind: str) -> str:
    if kind == "leetspeak":
        return KEY_TERMS.sub(lambda m: m.group(0).translate(LEET), text)
    if kind == "separators":
        return KEY_TERMS.sub(lambda m: ".".join(m.group(0)), text)
    if kind == "run_together":
        # a key term glued to the word after it ("RolexSubmariner", "paydayloan")
        return re.sub(
            r"\b(" + KEY_TERMS.pattern[2:-2] + r") (\w+)",
            lambda m: m.group(1) + m.group(3),
            text,
            flags=re.I,
        )
    return KEY_TERMS.sub(lambda m: MISSPELL.get(m.group(0).lower(), m.group(0)[:-1] + m.group(0)[-1] * 2), text)


def evasions(caught_offers: list[dict], n: int) -> list[dict]:
    out: list[dict] = []
    for original in caught_offers:
        if len(out) >= n:
            break
        text = original["text"][:1500]
        # the next kind in turn, or the first later kind that changes this text
        turn = len(out) % len(KINDS)
        tried = [(k, _evade(text, k)) for k in KINDS[turn:] + KINDS[:turn]]
        usable = [(k, t) for k, t in tried if t != text]
        if not usable:
            continue
        kind, changed = usable[0]
        out.append(
            {
                "id": f"en-evasion-{kind.replace('_', '')}-{len(out) + 1:03d}",
                "format": "text",
                "text": changed,
                "lang": "en",
                "label": original["label"],
                "subcategory": original["subcategory"],
                "hard_negative": False,
                "genre": "evasion",
                "evasion_kind": kind,
                "evasion_of": original["id"],
                "source": original["source"],
                "synthetic": True,
                "provenance": {
                    "synthetic": True,
                    "written_by": WRITER,
                    "based_on": f"{original['id']} rewritten by {kind.replace('_', ' ')} on its key terms",
                    "note": "evasion variant of an offer the engine catches",
                },
            }
        )
    return out
