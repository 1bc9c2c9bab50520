"""English verbatim records, presidential statements and letters, read by the same grammars as
the Chinese ones from English cue tables. The fixtures are our own, in the UN's English style,
and mirror the Chinese fixtures paragraph for paragraph (tests/fixtures/docs/en_*.txt)."""

from collections import Counter

import pytest
from seedfiles import FIXTURES

from bot.parse import detect_kind
from bot.parse.cues_record import EN, grammar
from bot.parse.record import looks_like, parse_record
from bot.read import read_text

DOCS = FIXTURES / "docs"
SC, GA = "en_sc_record.txt", "en_record_ga_plenary.txt"
G = grammar(EN)


def turns(d):
    return [(d.speakers[t.speaker].name, d.speakers[t.speaker].country, t.language) for t in d.turns]


def statements(d, turn=None):
    return [p for p in d.paragraphs if p.section == "statement" and turn in (None, p.turn)]


def procedure(d, note=None):
    return [p for p in d.paragraphs if p.section == "procedure" and note in (None, p.note)]


# -- records: detection and the mirror of the Chinese fixtures ------------------------------------


@pytest.mark.parametrize("name", [SC, GA])
def test_english_record_is_detected_as_a_record_in_english(doc, name):
    assert detect_kind(read_text(DOCS / name)) == "record"
    assert (doc(name).kind, doc(name).language) == ("record", "en")


@pytest.mark.parametrize("zh, en", [("sc_record.txt", SC), ("record_ga_plenary.txt", GA)])
def test_english_record_mirrors_the_chinese_turn_for_turn_and_paragraph_for_paragraph(doc, zh, en):
    a, b = doc(zh), doc(en)
    assert [(t.speaker, t.language) for t in a.turns] == [(t.speaker, t.language) for t in b.turns]
    assert Counter(p.turn for p in a.paragraphs) == Counter(p.turn for p in b.paragraphs)
    assert [p.label for p in a.paragraphs] == [p.label for p in b.paragraphs]
    assert (a.symbol, a.date, a.facts["opened"], a.facts["closed"]) == (b.symbol, b.date, b.facts["opened"], b.facts["closed"])


def test_english_version_has_an_id_of_its_own(doc):
    assert doc(SC).doc_id == "S/PV.9998@en"


# -- speakers and turns ---------------------------------------------------------------------------


def test_speakers_keep_their_honorific_in_the_name_and_their_country(doc):
    d = doc(SC)
    assert [(s.name, s.honorific, s.country, s.role) for s in d.speakers] == [
        ("Mr. Dupont", "Mr.", "France", "President"),
        ("Ms. Sosa", "Ms.", "Food and Agriculture Organization of the United Nations", None),
        ("Mr. Zhang Jun", "Mr.", "China", None),
        ("Mr. De La Torre Montero", "Mr.", "Ecuador", None),
        ("Ms. Mbeki-Santos", "Ms.", "Mozambique", None),
        ("Mr. Abdulrahman", "Mr.", "United Arab Emirates", None),
    ]


def test_turns_in_order_with_languages_from_the_tags_and_english_untagged(doc):
    assert turns(doc(SC)) == [
        ("Mr. Dupont", "France", "fr"),
        ("Ms. Sosa", "Food and Agriculture Organization of the United Nations", "en"),  # no tag: English
        ("Mr. Dupont", "France", "fr"),
        ("Mr. Zhang Jun", "China", "zh"),
        ("Mr. De La Torre Montero", "Ecuador", "es"),  # "(spoke in" / "Spanish):" over two lines
        ("Ms. Mbeki-Santos", "Mozambique", "en"),  # after a page break, indented
        ("Mr. Abdulrahman", "United Arab Emirates", "ar"),  # country over two lines
        ("Mr. Dupont", "France", "fr"),
    ]


def test_turn_and_paragraph_counts(doc):
    d = doc(SC)
    assert (len(d.turns), len(d.paragraphs), len(statements(d)), len(procedure(d))) == (8, 21, 13, 8)
    assert [len(statements(d, k)) for k in range(len(d.turns))] == [2, 2, 1, 1, 1, 1, 1, 4]


def test_briefer_affiliation_and_organisation_from_the_rule_39_invitation(doc):
    sosa = doc(SC).speakers[1]
    assert sosa.affiliation == ("Special Representative of the Director-General of the Food and Agriculture "
                                "Organization of the United Nations")


def test_the_president_label_is_the_president_of_the_first_page(doc):
    d = doc(SC)
    assert (d.facts["president"], d.facts["presidency"]) == ("Mr. Dupont", "France")
    assert [t.speaker for t in d.turns].count(0) == 3


def test_acting_president_is_the_vice_president_who_took_the_chair(doc):
    d = doc(GA)
    chair = d.speakers[0]
    assert (chair.name, chair.role, chair.honorific, chair.country) == ("Ms. Okonkwo", "Acting President", "Ms.", "Nigeria")
    assert (d.facts["acting_president"], d.facts["acting_presidency"]) == ("Ms. Okonkwo", "Nigeria")


def test_ga_turns_with_chinese_and_french_speeches(doc):
    assert turns(doc(GA)) == [
        ("Ms. Okonkwo", "Nigeria", "en"), ("Mr. Mwansa", "Zambia", "en"), ("Ms. Okonkwo", "Nigeria", "en"),
        ("Ms. Okonkwo", "Nigeria", "en"), ("Mr. Li Ming", "China", "zh"), ("Ms. Duval", "France", "fr"),
        ("Ms. Okonkwo", "Nigeria", "en"),
    ]


# -- language per paragraph ---------------------------------------------------------------------------


def test_spoke_in_russian_sets_the_turn_and_its_paragraphs():
    d = parse_record("The meeting was called to order at 3 p.m.\n\n"
                     "Mr. Zas (Collective Security Treaty Organization) (spoke in Russian): I thank you.\n\n"
                     "Our organization stands ready.\n\n"
                     "Mr. Nebenzia (Russian Federation) (spoke in Russian): We support the briefing.\n\n"
                     "The meeting rose at 4.10 p.m.\n")
    assert turns(d) == [("Mr. Zas", "Collective Security Treaty Organization", "ru"),
                        ("Mr. Nebenzia", "Russian Federation", "ru")]
    assert [p.language for p in statements(d)] == ["ru", "ru", "ru"]


def test_spoke_in_french_alone_switches_the_rest_of_the_statement(doc):
    d = parse_record("The meeting was called to order at 10 a.m.\n\nMr. Ndiaye (Senegal): I thank the briefers.\n\n"
                     "(spoke in French)\n\nLe Sénégal salue ce rapport.\n\nNous appuyons la mission.\n\n"
                     "The President: I thank him.\n")
    assert [(p.turn, p.section, p.language) for p in d.paragraphs[1:]] == [
        (0, "statement", "en"), (0, "procedure", "fr"), (0, "statement", "fr"), (0, "statement", "fr"),
        (1, "statement", "en")]
    d = doc(SC)
    assert [p.language for p in statements(d, 1)] == ["en", "es"]
    switch = procedure(d, "language")[0]
    assert (switch.text, switch.language, switch.turn) == ("(spoke in Spanish)", "es", 1)
    d = doc(GA)
    france = next(k for k, t in enumerate(d.turns) if d.speakers[t.speaker].name == "Ms. Duval")
    assert [p.language for p in statements(d, france)] == ["fr", "en"]


def test_a_tag_with_interpretation_provided_by_the_delegation_is_read():
    d = parse_record("The meeting was called to order at 10 a.m.\n\n"
                     "Mr. Kyslytsya (Ukraine) (spoke in Ukrainian; English interpretation provided by the delegation): "
                     "Thank you.\n\nThe President (interpretation from French): Thank you.\n")
    assert [t.language for t in d.turns] == ["uk", "fr"]


def test_unknown_language_is_a_warning():
    d = parse_record("The meeting was called to order at 10 a.m.\n\nMr. Silva (Timor-Leste) (spoke in Tetum): Thank you.\n\n"
                     "The President: Thank you.\n")
    assert d.turns[0].language == "en"
    assert d.warnings == ["language tag not known: Tetum (taken as en)"]


# -- the President's national capacity ---------------------------------------------------------------


def test_president_speaks_for_france_then_resumes_the_chair(doc):
    d = doc(SC)
    last = statements(d, len(d.turns) - 1)
    assert [(p.capacity, p.country) for p in last] == [
        ("national", "France"), ("national", "France"), ("chair", None), ("chair", None)]
    assert d.facts["national_capacity"] == "representative of France"


def test_national_capacity_in_running_text():
    d = parse_record("President: Mr. Hoxha ........ (Albania)\n\nThe meeting was called to order at 10 a.m.\n\n"
                     "The President: I shall now make a statement in my national capacity. Albania supports this. "
                     "I now resume my functions as President of the Council. There are no more speakers.\n")
    assert [(p.capacity, p.country) for p in statements(d)] == [
        ("national", "Albania"), ("chair", None)]


# -- clock lines and procedure -------------------------------------------------------------------------


def test_clock_lines_open_and_close_the_meeting(doc):
    d = doc(SC)
    assert (d.facts["opened"], d.facts["closed"]) == ("10:05", "11:50")
    assert procedure(d, "opened")[0].text == "The meeting was called to order at 10.05 a.m."
    assert procedure(d, "closed")[0].text == "The meeting rose at 11.50 a.m."
    assert doc(GA).facts["closed"] == "12:55"  # 12.55 p.m.


@pytest.mark.parametrize("line, time, event", [
    ("The meeting was called to order at 11.05 a.m.", "11:05", "opened"),
    ("The meeting rose at 1.15 p.m.", "13:15", "closed"),
    ("The meeting rose at 12.55 p.m.", "12:55", "closed"),
    ("The meeting was suspended at 11.50 a.m.", "11:50", "suspended"),
    ("The meeting was resumed at 3 p.m.", "15:00", "resumed"),
    ("The meeting resumed at 3.20 p.m.", "15:20", "resumed"),
])
def test_clock_forms(line, time, event):
    m = G.clock(line)
    assert (G.clock_time(m), G.clock_event(m)) == (time, event)


def test_a_time_in_a_sentence_is_not_a_clock_line():
    assert G.clock("The Council will meet again at 10 a.m. tomorrow.") is None


def test_suspension_and_resumption_are_procedure_facts():
    d = parse_record("The meeting was called to order at 10 a.m.\n\nThe President: We shall pause.\n\n"
                     "The meeting was suspended at 11.20 a.m. and resumed at 11.45 a.m.\n\n"
                     "The meeting was suspended at 12 noon.\n\nThe meeting was resumed at 3 p.m.\n\n"
                     "The President: Thank you.\n\nThe meeting rose at 4 p.m.\n")
    assert [p.note for p in procedure(d)] == ["opened", "procedure", "procedure", "procedure", "closed"]
    assert (d.facts["suspended"], d.facts["resumed"]) == ("12:00", "15:00")


def test_agenda_and_rule_39_invitation_are_procedure(doc):
    d = doc(SC)
    assert [p.text for p in procedure(d, "agenda")] == [
        "Adoption of the agenda", "The agenda was adopted.", "Maintenance of international peace and security",
        "The impact of climate change and food insecurity on peace"]
    invitation = d.paragraphs[5]
    assert (invitation.section, invitation.note, invitation.turn, invitation.speaker) == ("procedure", "procedure", 0, None)
    assert invitation.text.startswith("In accordance with rule 39 of the Council's provisional rules of procedure")


def test_rule_37_invitation_and_seats_at_the_table_are_procedure():
    d = parse_record("The meeting was called to order at 10 a.m.\n\n"
                     "The President: In accordance with rule 37 of the Council's provisional rules of procedure, I invite "
                     "the representatives of Chad and the Niger to participate in this meeting.\n\n"
                     "At the invitation of the President, Mr. Idriss (Chad) took a seat at the Council table.\n\n"
                     "The President: I give the floor to the representative of Chad.\n")
    assert [(p.section, p.turn) for p in d.paragraphs[1:]] == [("procedure", 0), ("procedure", 0), ("statement", 1)]


def test_recorded_vote_and_its_count(doc):
    d = doc(GA)
    vote = [p.text for p in procedure(d, "procedure")]
    assert vote[1:3] == ["A recorded vote was taken.", "In favour:"]
    assert vote[4:7] == ["Against:", "None", "Abstaining:"]
    assert d.facts["votes"] == [{"yes": 121, "no": 0, "abstain": 9, "drafts": ["A/78/L.52", "A/RES/78/245"]}]
    assert all(p.speaker is None for p in procedure(d))


def test_ga_agenda_item_sub_item_title_and_draft(doc):
    d = doc(GA)
    assert (d.agenda_item, d.title) == ("128(k)", "Cooperation between the United Nations and the Lake Region Cooperation Organization")
    assert d.facts["documents"] == ["A/78/L.52"]


# -- the first page -----------------------------------------------------------------------------------


def test_front_matter_president_members_agenda(doc):
    d = doc(SC)
    assert (d.symbol, d.body, d.session, d.meeting, d.date) == ("S/PV.9998", "Security Council", 79, "9998th meeting", "2024-05-14")
    assert d.facts["held"] == "Tuesday, 14 May 2024, 10 a.m."
    assert d.facts["members"] == {"Algeria": "Mr. Bellah", "China": "Mr. Zhang Jun", "Ecuador": "Mr. De La Torre Montero",
                                  "Mozambique": "Ms. Mbeki-Santos", "United Arab Emirates": "Mr. Abdulrahman"}
    assert d.facts["agenda"] == ["Maintenance of international peace and security",
                                 "The impact of climate change and food insecurity on peace"]  # wrapped: one item
    assert d.title == "The impact of climate change and food insecurity on peace"


def test_ga_front_matter(doc):
    d = doc(GA)
    assert (d.symbol, d.body, d.session, d.meeting, d.date) == (
        "A/78/PV.71", "General Assembly", 78, "71st plenary meeting", "2024-03-12")
    assert (d.facts["president"], d.facts["presidency"]) == ("Mr. Castellanos", "Chile")


def test_pdf_furniture_is_not_a_paragraph(doc):
    for name in (SC, GA):
        text = " ".join(p.text for p in doc(name).paragraphs)
        for furniture in ("24-13579", "24-06871", "14/05/2024", "12/03/2024", "3/8", "This record contains",
                          "United Nations S/"):
            assert furniture not in text, (name, furniture)
    mozambique = statements(doc(SC), 5)[0]
    assert mozambique.text.startswith("Mozambique has been struck by three tropical cyclones")


def test_first_page_note_after_the_opening_is_not_speech():
    text = ("United Nations S/PV.9001\n\nSecurity Council\n\n9001st meeting\n\n"
            "The meeting was called to order at 10 a.m.\n\nAdoption of the agenda\n\nThe agenda was adopted.\n\n"
            "This record contains the text of speeches delivered in English and of the translation of speeches "
            "delivered in other languages.\n\n22-25946 (E)\n\n*2225946*\n\n"
            "The President: I welcome the Secretary-General.\n\nThe Secretary-General: Thank you.\n")
    d = parse_record(text)
    assert [p.text for p in d.paragraphs] == [
        "The meeting was called to order at 10 a.m.", "Adoption of the agenda", "The agenda was adopted.",
        "I welcome the Secretary-General.", "Thank you."]
    assert d.facts["front_notes"][0].startswith("This record contains")


def test_secretary_general_named_from_the_invitation():
    d = parse_record("The meeting was called to order at 10 a.m.\n\n"
                     "The President: I give the floor to the Secretary-General, Mr. António Guterres.\n\n"
                     "The Secretary-General: Thank you.\n")
    sg = d.speakers[1]
    assert (sg.name, sg.honorific, sg.role, d.paragraphs[-1].capacity) == ("Mr. António Guterres", "Mr.", "Secretary-General", "briefer")


# -- the table ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("label, role, name, hon, country, language", [
    ("The President:", "President", None, None, None, None),
    ("The President (spoke in French):", "President", None, None, None, "fr"),
    ("The Secretary-General:", "Secretary-General", None, None, None, None),
    ("The Acting President:", "Acting President", None, None, None, None),
    ("Mr. Zas (Collective Security Treaty Organization) (spoke in Russian):", None, "Mr. Zas", "Mr.",
     "Collective Security Treaty Organization", "ru"),
    ("Mrs. Thomas-Greenfield (United States of America):", None, "Mrs. Thomas-Greenfield", "Mrs.", "United States of America", None),
    ("Ms. Mbeki-Santos (Mozambique):", None, "Ms. Mbeki-Santos", "Ms.", "Mozambique", None),
    ("Sir Peter Smith (United Kingdom of Great Britain and Northern Ireland):", None, "Sir Peter Smith", "Sir",
     "United Kingdom of Great Britain and Northern Ireland", None),
    ("Dame Barbara Woodward (United Kingdom):", None, "Dame Barbara Woodward", "Dame", "United Kingdom", None),
    ("Mr. Nebenzia (Russian Federation) (spoke in Russian):", None, "Mr. Nebenzia", "Mr.", "Russian Federation", "ru"),
    ("Mr. De La Fuente Ramírez (Mexico) (spoke in Spanish):", None, "Mr. De La Fuente Ramírez", "Mr.", "Mexico", "es"),
])
def test_label_forms(label, role, name, hon, country, language):
    m = G.header.match(label)
    assert (m.group("role"), m.group("name"), m.group("hon"), m.group("country"), G.language_of(m)[0]) == (
        role, name, hon, country, language)


@pytest.mark.parametrize("text", [
    "Mr. President, I thank you.", "Mrs. Smith said the following:", "President: Mr. Dupont ..... (France)",
    "The representative of France said:", "Members: Albania ........ Mr. Hoxha",
])
def test_sentences_and_first_page_lines_are_not_labels(text):
    assert G.header.match(text) is None


def test_a_chinese_record_is_not_read_with_the_english_table(doc):
    text = read_text(DOCS / "sc_record.txt")
    assert looks_like(text, G) is False
    assert doc("sc_record.txt").speakers[0].name == "杜邦先生"


# -- presidential statements -----------------------------------------------------------------------

PRST = "en_prst_numbered.txt"


def test_english_statement_is_detected_and_mirrors_the_chinese(doc):
    from bot.parse.statement import looks_like as looks_like_statement

    assert looks_like_statement(read_text(DOCS / PRST))
    a, b = doc("prst_numbered.txt"), doc(PRST)
    assert (b.kind, b.language) == ("statement", "en")
    assert [(p.label, p.number) for p in a.paragraphs] == [(p.label, p.number) for p in b.paragraphs]


def test_statement_fields_from_masthead_and_intro(doc):
    d = doc(PRST)
    assert (d.symbol, d.body, d.date, d.distributed, d.original_language, d.meeting) == (
        "S/PRST/2023/7", "Security Council", "2023-11-08", "2023-11-08", "fr", "9470th meeting")
    assert d.facts["meeting_number"] == 9470
    assert d.title == d.facts["item"] == "Maintenance of international peace and security: climate and security"
    assert d.facts["intro"].endswith("made the following statement on behalf of the Council:")
    assert d.facts["heading"] == "Statement by the President of the Security Council"


def test_statement_wrapper_quotes_are_taken_off_and_inner_quotes_stay(doc):
    d = doc(PRST)
    assert d.facts["quoted"] is True
    assert d.paragraphs[0].text == ("The Security Council recognizes that the adverse effects of climate change may "
                                    "aggravate instability in certain regions.")
    assert d.paragraphs[-1].text == "The Security Council decides to remain seized of the matter."
    assert "“Action for Peacekeeping”" in d.paragraphs[1].text


def test_statement_with_straight_quotes_and_without_heading():
    from bot.parse import parse_text

    text = ("S/PRST/1998/1\n\nAt the 3848th meeting of the Security Council, held on 14 January 1998, in connection with "
            "the Council's consideration of the item entitled 'The situation in the Lake Region', the President of the "
            "Security Council made the following statement on behalf of the Council:\n\n"
            "\"The Security Council reaffirms its commitment to the Lake Region.\n\n"
            "\"The Security Council will remain seized of the matter.\"\n")
    d = parse_text(text, "prst.txt")
    assert (d.kind, d.symbol, d.date, d.meeting, d.title) == (
        "statement", "S/PRST/1998/1", "1998-01-14", "3848th meeting", "The situation in the Lake Region")
    assert [p.text for p in d.paragraphs] == ["The Security Council reaffirms its commitment to the Lake Region.",
                                             "The Security Council will remain seized of the matter."]


def test_a_record_that_reads_out_a_statement_is_not_a_statement(doc):
    from bot.parse.statement import looks_like as looks_like_statement

    assert not looks_like_statement(read_text(DOCS / SC))


# -- letters ------------------------------------------------------------------------------------------

LETTER, IDENTICAL = "en_letter_to_council.txt", "en_letter_identical_draft_resolution.txt"


def test_english_letter_mirrors_the_chinese(doc):
    a, b = doc("letter_to_council.txt"), doc(LETTER)
    assert (b.kind, b.language, b.symbol, b.date) == ("letter", "en", a.symbol, a.date)
    assert [p.label for p in a.paragraphs] == [p.label for p in b.paragraphs]
    assert a.facts["annexes"][0]["paragraphs"] == b.facts["annexes"][0]["paragraphs"] == 4


def test_letter_heading_wrapped_over_two_lines_gives_sender_and_addressee(doc):
    f = doc(LETTER).facts
    assert (f["letter_date"], f["sender"], f["addressee"]) == (
        "2024-06-03", "Permanent Representative of Nauru to the United Nations", "President of the Security Council")
    assert f["heading"].startswith("Letter dated 3 June 2024 from") and f["heading"].endswith("Security Council")


def test_letter_masthead_and_signatory(doc):
    d = doc(LETTER)
    assert (d.body, d.distributed, d.original_language, d.facts["signatory"]) == (
        "Security Council", "2024-06-05", "en", "Margaret Adeang")


def test_annex_to_the_letter_heading_and_title(doc):
    d = doc(LETTER)
    assert d.facts["annexes"] == [{"annex": "I", "paragraphs": 4,
                                   "title": "Joint statement of the Pacific Island States Ministerial Dialogue on Ocean Security"}]
    assert [p.label for p in d.paragraphs] == ["L1", "L2", "Annex I ¶1", "Annex I 1", "Annex I 2", "Annex I 3"]


def test_identical_letters_to_two_addressees_with_a_joint_symbol(doc):
    d = doc(IDENTICAL)
    assert (d.kind, d.symbol, d.facts["joint_symbols"], d.session, d.agenda_item, d.title) == (
        "letter", "A/79/412", ["S/2024/733"], 79, "68", "Rights of indigenous peoples")
    assert d.facts["addressee"] == "Secretary-General and the President of the Security Council"
    assert (d.facts["signatory"], d.facts["signatory_title"]) == ("Kwame Mensah-Boateng", "Ambassador and Permanent Representative")
    assert d.facts["request"].startswith("I have the honour to transmit")


def test_annex_i_explanatory_across_a_page_and_annex_ii_a_draft_resolution(doc):
    d = doc(IDENTICAL)
    assert d.facts["annexes"] == [{"annex": "I", "title": "Explanatory memorandum", "paragraphs": 3},
                                  {"annex": "II", "title": "Draft resolution", "paragraphs": 4}]
    assert [p.label for p in d.paragraphs if p.annex] == [
        "Annex I 1", "Annex I 2", "Annex I 3", "Annex II PP1", "Annex II PP2", "Annex II OP1", "Annex II OP2"]
    assert not any("24-18876" in p.text or "S/2024/733" in p.text for p in d.paragraphs)


def test_annexed_draft_resolution_reads_english_verbs(doc):
    d = doc(IDENTICAL)
    assert [p.verb for p in d.paragraphs if p.section == "operative"] == ["Invites", "Requests"]


def test_note_verbale_is_a_letter():
    from bot.parse import parse_text

    text = ("Note verbale dated 2 May 2024 from the Permanent Mission of Chile to the United Nations addressed to "
            "the Secretary-General\n\nThe Permanent Mission of Chile to the United Nations presents its compliments to "
            "the Secretary-General and has the honour to transmit the report of Chile (see annex).\n\nAnnex\n\n"
            "Report of Chile\n\n1. Chile has ratified the Convention.\n")
    d = parse_text(text, "note.txt")
    assert (d.kind, d.date, d.facts["sender"], d.facts["addressee"]) == (
        "letter", "2024-05-02", "Permanent Mission of Chile to the United Nations", "Secretary-General")
    assert d.facts["annexes"] == [{"annex": "I", "title": "Report of Chile", "paragraphs": 1}]


@pytest.mark.parametrize("text", [
    # a record's agenda lists a letter with its symbol
    ("Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the United Nations addressed to "
    "the President of the Security Council (S/2014/136)\n\nThe President: I thank him.\n"),
    # a resolution recalls one in running text
    ("The Security Council,\n\nTaking note of the letter dated 3 June 2024 from the Permanent Representative of Nauru "
    "addressed to the President of the Security Council,\n\n1. Decides to remain seized of the matter.\n"),
])
def test_letters_cited_or_listed_do_not_make_a_letter(text):
    from bot.parse.letter import looks_like as looks_like_letter

    assert not looks_like_letter(text)


def test_briefers_invited_in_a_list_get_their_affiliation():
    d = parse_record("The meeting was called to order at 10 a.m.\n\n"
                     "The President: In accordance with rule 39 of the Council's provisional rules of procedure, I invite the "
                     "following briefers to participate in this meeting: Ms. Rosemary DiCarlo, Under-Secretary-General for "
                     "Political and Peacebuilding Affairs; and Mr. Kwame Asante, Executive Director of the Lake Region "
                     "Authority.\n\nMs. DiCarlo: Thank you.\n\nMr. Asante: Thank you.\n")
    assert [(s.name, s.affiliation, s.country) for s in d.speakers[1:]] == [
        ("Ms. DiCarlo", "Under-Secretary-General for Political and Peacebuilding Affairs", "Political and Peacebuilding Affairs"),
        ("Mr. Asante", "Executive Director of the Lake Region Authority", "Lake Region Authority")]


def test_a_record_of_the_1990s_in_capitals_with_interpretation_tags():
    d = parse_record("The meeting was called to order at 3.15 p.m.\n\n"
                     "The PRESIDENT (interpretation from French): I call on the representative of Japan.\n\n"
                     "Mr. OWADA (Japan): Thank you, Mr. President.\n\n"
                     "The PRESIDENT (interpretation from French): I thank him.\n\nThe meeting rose at 4.05 p.m.\n")
    assert turns(d) == [("PRESIDENT", None, "fr"), ("Mr. OWADA", "Japan", "en"), ("PRESIDENT", None, "fr")]
    assert (d.facts["opened"], d.facts["closed"]) == ("15:15", "16:05")
