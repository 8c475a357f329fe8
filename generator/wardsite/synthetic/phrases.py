"""Word banks for synthetic wards: fictional places and plain-English sentences.

Every sentence is written the way a ward team would write for patients and carers, so a
synthetic page reads (and weighs) like a real one. ``{ward}``, ``{site}``, ``{town}`` and
``{provider}`` are filled in per ward. Nothing here names a real place or person.
"""

from __future__ import annotations

# Fictional towns are built from two parts, such as "Ashmere" or "Kettlebrook".
TOWN_STARTS = (
    "Ash",
    "Bram",
    "Calder",
    "Dun",
    "Elm",
    "Fern",
    "Gorse",
    "Hollin",
    "Ivy",
    "Kettle",
    "Lark",
    "Marl",
    "Nether",
    "Oak",
    "Pen",
    "Quarry",
    "Rush",
    "Sedge",
    "Thorn",
    "Under",
    "Vale",
    "Wold",
    "Yarrow",
    "Alder",
    "Birch",
    "Cress",
    "Dove",
    "Fallow",
    "Heath",
    "Linden",
    "Moss",
    "Pebble",
    "Reed",
    "Sorrel",
    "Tansy",
    "Willow",
    "Brack",
    "Clover",
    "Ember",
    "Harrow",
)
TOWN_ENDS = (
    "mere",
    "brook",
    "ford",
    "ham",
    "ton",
    "bury",
    "wick",
    "field",
    "stow",
    "leigh",
    "by",
    "combe",
    "well",
    "worth",
    "den",
    "holt",
    "marsh",
    " Green",
    " Bay",
    " Cross",
)

WARD_WORDS = (
    "Heron",
    "Kestrel",
    "Osprey",
    "Robin",
    "Wren",
    "Curlew",
    "Swift",
    "Linnet",
    "Plover",
    "Finch",
    "Bluebell",
    "Cedar",
    "Maple",
    "Rowan",
    "Hazel",
    "Juniper",
    "Aspen",
    "Poppy",
    "Primrose",
    "Sycamore",
    "Beech",
    "Larch",
    "Holly",
    "Iris",
    "Lavender",
    "Meadow",
    "Harbour",
    "Lantern",
    "Beacon",
    "Compass",
    "Skylark",
    "Nightingale",
    "Kingfisher",
    "Starling",
    "Magpie",
    "Fieldfare",
    "Teal",
    "Mallard",
    "Avocet",
    "Dunlin",
    "Cherry",
    "Laurel",
    "Myrtle",
    "Thistle",
    "Foxglove",
    "Daisy",
    "Clover",
    "Marigold",
    "Snowdrop",
    "Heather",
)
WARD_KINDS = ("Ward", "Ward", "Ward", "Unit", "House", "Lodge", "Suite")

SITE_KINDS = ("Unit", "Centre", "Hospital", "House")
STREET_KINDS = ("Road", "Lane", "Close", "Way", "Avenue", "Drive", "Street", "Hill")

PEOPLE_FIRST = (
    "Jo",
    "Sam",
    "Alex",
    "Priya",
    "Tom",
    "Ade",
    "Chris",
    "Nia",
    "Lee",
    "Rosa",
    "Kit",
    "Dev",
    "Mo",
    "Ruth",
    "Ben",
    "Zara",
)
PEOPLE_LAST = (
    "Marsh",
    "Lane",
    "Reed",
    "Okafor",
    "Hale",
    "Brook",
    "Stone",
    "Ward",
    "Patel",
    "Quinn",
    "Frost",
    "Dale",
    "Khan",
    "Shaw",
)

# --- sentences by field -------------------------------------------------------------------

TYPE_EXPLAINED = {
    "acute_adult": "An acute ward is for people in a mental health crisis. It is for when it is not safe for you to get care "
    "at home. Most people stay for a few weeks.",
    "picu": "A psychiatric intensive care unit (PICU) is a small ward with more staff. It is for people who are very "
    "unwell and need extra support to stay safe for a short time.",
    "older_adult_functional": "This ward is for older people with mental health problems such as depression or anxiety. We also look "
    "after your physical health.",
    "older_adult_organic_dementia": "This ward is for older people with dementia. It is for people who are very upset or confused. They cannot "
    "be cared for safely at home for now.",
    "rehabilitation": "A rehabilitation ward is for people who have been unwell for a long time. We help you learn skills and "
    "feel more sure of yourself. Then you can live more on your own.",
    "low_secure": "A low secure ward is for people who need care in a safe, locked setting. Some people come here from court "
    "or prison.",
    "medium_secure": "A medium secure ward is for people who need care in a secure hospital because of a risk to others. Most "
    "people here are detained.",
    "eating_disorder": "This ward is for people with a severe eating disorder. You get care in hospital to get well in body and "
    "mind.",
    "mother_and_baby": "A mother and baby unit is for women who are very unwell in pregnancy or after birth. Your baby can stay "
    "here with you.",
    "camhs": "This ward is for children and young people. It is for when you are very unwell with your mental health "
    "and need care in hospital.",
    "learning_disability_autism": "This is a small ward for people with a learning disability, autism, or both. It is for when your mental "
    "health means you cannot be safe at home.",
    "other": "This is a specialist ward. The team will explain what kind of care we give and why it might help you.",
}

QUICK_READ = (
    "{ward} is a ward in {town}.",
    "It is for people who are very unwell with their mental health.",
    "Everyone has their own bedroom.",
    "You will have a named nurse.",
    "Your family and friends can visit.",
    "We will help you get back home as soon as we can.",
    "Staff will explain what is happening and why.",
    "It is a calm and quiet place.",
    "You can ask us anything.",
)

DESCRIPTION = (
    "We want {ward} to be a calm and safe place where you can start to feel better.",
    "We work with you, not just for you. Your care plan is written with you, in your own words.",
    "We know that coming into hospital can be frightening. We will explain what is happening and why.",
    "If you do not understand something, please ask us again. We will not mind.",
    "We work closely with your family and the people who support you at home, if you want us to.",
    "We think about your physical health as well as your mental health.",
    "We use what you tell us to make the ward better for the next person.",
    "Our team has people from many backgrounds, and we respect your culture and beliefs.",
)

CONDITIONS = (
    "psychosis",
    "bipolar disorder",
    "severe depression",
    "thoughts of suicide",
    "anxiety",
    "schizophrenia",
    "eating problems linked to depression",
    "self-harm",
    "trauma",
    "obsessive compulsive disorder",
    "dementia with distress",
    "postnatal depression",
    "learning disability with a mental health problem",
)

PATIENT_PHONE = (
    "There is a phone for patients in the quiet corridor. People can call you on it.",
    "You can also use the ward mobile phone to call your family.",
    "Staff can help you make a call or a video call.",
)

POST = (
    'Write the person\'s full name and "{ward}" on the envelope.',
    "Staff give out post every day.",
    "We may ask you to open parcels with a nurse.",
)

BY_CAR = (
    "Come in by the main entrance on {street}.",
    "Follow the signs for the {site}.",
    "The car park is next to the unit door.",
)
BY_BUS = ("Get off at the {street} stop. The unit is a short walk.", "Buses run every 20 minutes in the day.")
BY_TRAIN = ("{town} station is {miles} miles away.", "A bus goes from the station to the hospital.")
FINDING = (
    "Go in the main door and press the intercom. Reception will let you in.",
    "{ward} is on the {floor} floor. There is a lift.",
    "Signs in the corridor point the way to {ward}.",
)

SEX_NOTE = {
    "female": "This ward is for women. Trans women are welcome here. Non-binary people can talk with us about which ward "
    "fits them best.",
    "male": "This ward is for men. Trans men are welcome here. Non-binary people can talk with us about which ward "
    "fits them best.",
    "mixed": "Men and women stay on this ward, in separate bedroom areas. Trans and non-binary people are offered the "
    "area that fits how they see themselves.",
}

LEGAL_STATUS = (
    "Some people are here because they agreed to come in. Others are here under the Mental Health Act. We call "
    "this being detained.",
    "Most people here are detained under the Mental Health Act. Some are here by agreement.",
)
ADMISSION = (
    "The crisis team or your community team will talk with you first.",
    "They will arrange your stay if hospital is the right place for you.",
    "Sometimes people come to us from another ward or from the emergency department.",
)
STAY = (
    "Some people stay a few days. Most stay a few weeks.",
    "We start to plan for you going home from your first day.",
    "Some people stay for several months while they get well.",
)
DOOR_NOTE = {
    "locked": "The ward door is locked to keep everyone safe. If you are here by agreement, ask a nurse and they will "
    "let you out.",
    "controlled_entry": "Press the buzzer to come in or go out. Staff will open the door for you.",
    "open": "The ward door is open in the day. You can come and go, but please tell a nurse.",
}

TEAM_NOTE = (
    "We always have at least one experienced nurse on every shift.",
    "Our team includes people who speak several languages.",
)
NAMED_NURSE = (
    "You will have a named nurse. They help you plan your care.",
    "On every shift there is also a nurse who looks after you that day.",
)
COMMITMENTS = (
    "Time on your own with a nurse you know, every day",
    "See your consultant at least once a week",
    "A meeting about leaving hospital within 2 weeks of coming in",
    "A physical health check within 24 hours of arriving",
)
IDENTIFY = ("Staff wear name badges with their job on them.", "There is a photo board of the team by the ward door.")
WARD_ROUNDS = (
    "We call it your review meeting. You meet your consultant and nurse every week.",
    "You can choose who comes with you, such as a family member or an advocate.",
)
PEER = (
    "Our peer support worker has been unwell and been in hospital too.",
    "They can talk with you about what helped them.",
)

BEDROOM_NOTE = ("Sometimes we need to ask you to move rooms. We keep this to a minimum and will always tell you why.",)
BEDROOM_ACCESS = (
    "You get a key fob for your room. You can lock it when you go out.",
    "Staff can unlock your room for you at any time.",
)
OUTDOOR = (
    "You can go into the garden from 8am to 9pm. You do not need to ask.",
    "Staff go with you into the courtyard if you need support.",
)
PATIENT_CONTROL = (
    "You can change the light and open the window a little in your room.",
    "You can ask staff to change the heating.",
)
ACCESSIBLE_ROOMS = ("1 bedroom and bathroom are made for wheelchair users.", "They have a ceiling hoist.")
SAME_SEX_NOTE = "Men and women have their own corridors. Staff check the bathrooms are kept separate."

FOOD = (
    "You choose your meals from a menu the day before.",
    "We have halal, kosher, vegetarian, vegan and other diets.",
    "You can get drinks and snacks at any time.",
    "Visitors can bring in food, but please show it to staff first.",
)
PROTECTED_NOTE = "We do not have visits or meetings at meal times. Visitors can help someone eat if they need help."
ROUTINE = (
    (8, 0, "Morning medicines"),
    (9, 30, "Morning meeting"),
    (13, 30, "Afternoon activities start"),
    (22, 0, "Night medicines"),
    (23, 0, "Lounges close and the ward gets quiet"),
)
CAMERA_RULE = "Please do not take photos or videos of other people. This keeps everyone's privacy safe."
CHARGERS = "Staff keep chargers at the nurses' station. Ask any time."
LEAVE_INFORMAL = "You can leave the ward. Please talk to the nurse in charge first, so we know you are safe."
LEAVE_DETAINED = (
    "If you are detained, you need leave to go off the ward. This is called section 17 leave. Your consultant "
    "agrees it with you. At first, a member of staff may go with you."
)
WHAT_TO_BRING = (
    "clothes for about a week",
    "nightwear and slippers",
    "toiletries (no spray cans)",
    "a small amount of money",
    "glasses, hearing aids or other aids you use",
    "a list of your medicines",
    "phone numbers of people you want us to contact",
)
PROHIBITED = (
    "alcohol",
    "illegal drugs or legal highs",
    "weapons of any kind",
    "lighters and matches",
    "glass bottles and jars",
    "aerosol cans",
    "plastic bags",
    "cables longer than 1 metre",
)
RESTRICTED = ("razors", "phone chargers", "nail scissors", "drinks in cans")
HOW_RESTRICTED = "Staff keep these things in a locked cupboard with your name on it. Ask when you need them."
SEARCHES = (
    "Staff will check your bags when you arrive and when you come back from leave. They will tell you why and ask "
    "you first."
)
BLANKET = (
    (
        "The therapy kitchen is locked when there is no group.",
        "It has knives and hot ovens. Staff will open it if you want to cook with them.",
    ),
    (
        "The garden door is locked at night.",
        "It is dark and staff cannot see the garden. You can go out again from 8am.",
    ),
)
MONEY = (
    "Please keep no more than £20 on the ward. Staff can lock up money and valuables in the hospital safe. You "
    "will get a receipt."
)
LAUNDRY = (
    "There is a washing machine and a dryer on the ward. Staff can show you how to use them. Washing powder is free."
)
FAITH = (
    "A chaplain visits every week. They can support people of any faith or no faith. There is a quiet prayer space "
    "on the ward."
)
OBSERVATION = (
    "Staff check on everyone during the day and night. Some people need staff to stay closer to them for a while. "
    "Your nurse will tell you why."
)

ACTIVITIES_SUMMARY = (
    "There are things to do every day.",
    "Our occupational therapist and activity coordinator run groups.",
    "You can also ask for time on your own with them.",
)
ACTIVITY_NAMES = (
    ("Gardening group", "Occupational therapist"),
    ("Cooking group", "Occupational therapist"),
    ("Feeling better group", "Psychologist"),
    ("Art group", "Activity coordinator"),
    ("Walking group", "Support worker"),
    ("Music session", "Activity coordinator"),
    ("Relaxation group", "Nurse"),
    ("Gym session", "Physiotherapist"),
)
EVENINGS = "In the evening there are films, games and a quiz. At weekends staff go on walks with people who have leave."
THERAPIES = (
    "talking therapy on your own",
    "art therapy",
    "Hearing Voices group",
    "medicines clinic with the pharmacist",
    "family therapy",
    "music therapy",
)
EDUCATION = "Our occupational therapist can help you think about work, study or volunteering."

BOOKING_HOW = "Please phone the ward on the day before you come. We can then make sure there is a quiet space for you."
VISIT_WHERE = "In the visitors' lounge or the garden. Visits do not happen in bedrooms."
CHILDREN = (
    "Children can visit in the family room just outside the ward. Please book it a day ahead. An adult must stay "
    "with the child the whole time."
)
FLEXIBLE = "If you are a carer and these times are hard for you, talk to us. We can agree other times with you."
PATIENT_CHOICE = "You can choose not to see a visitor. Staff will explain to them."
ARRIVAL = "Press the intercom and sign in at the ward door. Staff may check bags."
VIRTUAL = "Video calls can be set up on the ward tablet. Ask staff to book one."

CARERS_WELCOME = (
    "When someone you care about comes into hospital, it can be a shock.",
    "Our carers' champion will call you within 3 days to say hello.",
    "You can ask for a carers' pack on the ward or read it online.",
)
CARERS_INVOLVEMENT = (
    "If the person agrees, you can come to their review meetings. We will ask you what you know about them and "
    "what helps."
)
INFO_SHARING = (
    "We need the person's agreement before we share private things about them. "
    "We will keep asking, because people can change their mind. Even without their agreement, we will always "
    "listen to you."
)
CARERS_ASSESSMENT = "If you look after someone, you can ask the council for a carer's assessment. It is free."
NEAREST_RELATIVE = (
    "The nearest relative is a legal role under the Mental Health Act. Staff can explain who the nearest relative "
    "is and what it means."
)
YOUNG_CARERS = "If a child helps to look after their parent, we can put them in touch with a young carers' group."

RIGHTS_INFORMAL = (
    "If you are here by agreement, you are an informal patient. You can leave the ward if you want to. Please talk "
    "to a nurse first, so we can plan with you and keep you safe."
)
RIGHTS_DETAINED = (
    "If you are detained under the Mental Health Act, staff will tell you about your rights. They will do this "
    "when you arrive and again later, in words and in writing."
)
IMHA_HOW = (
    "An advocate is someone who is on your side. They do not work for the hospital. Ask a nurse to contact them, "
    "or phone them yourself."
)
TRIBUNAL = (
    "If you are detained, you can ask the Mental Health Tribunal to end your section. A solicitor can help you "
    "apply. The solicitor is free."
)
MANAGERS = (
    "You can also ask the hospital managers to look at your section. They are a group of people who do not work on "
    "the ward."
)
CQC = (
    "The Care Quality Commission (CQC) checks that hospitals are safe and good. They visit wards and talk to "
    "people who are detained."
)
INTERPRETERS = "If you need an interpreter, we will get one for you. This includes British Sign Language. It is free."
RECORDS = "You can ask to see your health records. Ask your named nurse or write to us."
CARE_PLAN = "We write your care plan with you. You will be offered a copy."

ON_THE_WARD = (
    "Talk to any member of staff or the ward manager. There is a community meeting every week where you can say "
    "what is good and what needs to change."
)
COMPLAINTS = (
    "You can make a complaint by phone, by email, by letter or on our website. Someone from the ward can help you "
    "write it. Making a complaint will not change the care you get."
)
CQC_CONTACT = "You can tell the Care Quality Commission (CQC) about your care on their website."
OMBUDSMAN = (
    "Are you unhappy with our answer to your complaint? You can ask the Parliamentary and Health Service Ombudsman "
    "to look at it."
)
YOU_SAID = (
    "You asked for more to do at weekends. We now have a walking group on Saturdays.",
    "You said the lounge was too noisy. We made the small lounge a quiet room.",
    "You asked for more choice at breakfast. We now offer hot breakfasts every day.",
    "You said it was hard to find the ward. We put up new signs.",
)

HOW_TO_REQUEST = "Ask any member of staff, or phone the ward. Tell us what you need."
COMMUNICATION = (
    "Tell us if you need information in a different way. For example, bigger writing, pictures, or someone to read "
    "it to you."
)
LANGUAGES = ("English", "Polish", "Urdu", "Punjabi", "Bengali", "Romanian", "Somali", "Welsh", "Portuguese", "Arabic")
BUILDING = (
    ("Step-free entrance", True, None),
    ("Lift to the ward", True, "The lift is next to reception."),
    ("Accessible toilet for visitors", True, "By the main door of the unit."),
    ("Hearing loop at reception", False, "Staff can bring a portable hearing loop. Please ask."),
)

ALERT = "Our garden is closed while we build a new shelter. You can use the courtyard instead."
STATUS_NOTE = "The ward is closed for building work. Phone the ward number to find out which ward is open instead."
CHANGES = (
    "Visiting now starts at 1pm, not 2pm.",
    "Added the new activity timetable.",
    "Updated the names of the ward team.",
    "Added the notice about the garden.",
)
