/*
 * synth_names.c - made-up names (synth_names.h). The lists mix the names
 * common among English children and staff today; none is meant to be
 * anybody.
 */
#include "lib/common.h"
#include "io/synth_names.h"

static const char *const BOYS[] = {
	"Oliver", "Noah", "George", "Harry", "Leo", "Jack", "Charlie",
	"Freddie", "Alfie", "Theo", "Oscar", "Archie", "Tommy", "Mason",
	"Kai", "Riley", "Tyler", "Jayden", "Reuben", "Callum", "Liam",
	"Ethan", "Kyle", "Connor", "Jamal", "Ibrahim", "Mohammed", "Yusuf",
	"Aaron", "Lewis", "Dylan", "Corey", "Bailey", "Jordan", "Harvey",
	"Logan", "Finley", "Dominic", "Marcus", "Tyrese",
};
static const char *const GIRLS[] = {
	"Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence",
	"Mia", "Willow", "Rosie", "Sophia", "Isabella", "Grace", "Evie",
	"Poppy", "Ella", "Chloe", "Jessica", "Megan", "Leah", "Courtney",
	"Jade", "Paige", "Shannon", "Tia", "Aaliyah", "Amira", "Maya",
	"Holly", "Lacey", "Kayla", "Summer", "Skye", "Demi", "Ruby", "Lola",
	"Niamh", "Abigail", "Keira",
};
static const char *const FAMILY[] = {
	"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
	"Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans",
	"Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke",
	"Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper",
	"Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison",
	"Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson",
	"Davis", "Parker", "James", "Bennett", "Young", "Phillips",
	"Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh",
	"Shaw", "Bell", "Collins", "Morgan", "Kelly", "Begum", "Miller",
	"Cox", "Hussain", "Marshall", "Simpson", "Price", "Anderson", "Adams",
	"Wilkinson", "Ali", "Ahmed", "Foster", "Ellis", "Murphy", "Chapman",
	"Mason", "Gray", "Richards", "Webb", "Griffiths", "Hunt", "Palmer",
	"Campbell", "Holmes", "Mills", "Rogers", "Barnes", "Knight", "Matthews",
	"Barker", "Okafor", "Mensah", "Nowak", "Kowalski", "Achterberg",
	"O'Brien", "Francis", "Reid", "Grant", "Lloyd",
};
static const char *const UASC_BOYS[] = {
	"Ahmad", "Mohammad", "Ali", "Hamid", "Omid", "Yonas", "Dawit",
	"Samuel", "Abdullah", "Mustafa", "Osman", "Khalid", "Ibrahim",
	"Bilal", "Tesfay", "Kidane", "Arben", "Erion", "Rahim", "Hassan",
};
static const char *const UASC_GIRLS[] = {
	"Mariam", "Fatima", "Senait", "Helen", "Zahra", "Amina", "Saba",
	"Lidya",
};
static const char *const UASC_FAMILY[] = {
	"Ahmadi", "Rahimi", "Hosseini", "Karimi", "Mohammadi", "Tesfay",
	"Gebremedhin", "Haile", "Berhane", "Abdi", "Osman", "Hassan",
	"Mohamed", "Ibrahim", "Hoxha", "Krasniqi", "Gashi", "Yousef", "Saleh",
	"Aziz",
};
static const char *const COUNCILS[] = {
	"Northbridge Borough Council",
	"Westmere County Council",
	"Kingsford City Council",
	"Eastholm Metropolitan Borough Council",
	"Ashcombe Borough Council",
	"Riverton Council",
	"Fernley County Council",
	"Harrowdale Borough Council",
	"Southwick City Council",
	"Merrow Vale Council",
};

#define ONE_OF(a, h) ((a)[(h) % ARRAY_LEN(a)])

const char *name_given(uint64_t h, bool male, bool uasc)
{
	if (uasc)
		return male ? ONE_OF(UASC_BOYS, h) : ONE_OF(UASC_GIRLS, h);
	return male ? ONE_OF(BOYS, h) : ONE_OF(GIRLS, h);
}

const char *name_family(uint64_t h, bool uasc)
{
	return uasc ? ONE_OF(UASC_FAMILY, h) : ONE_OF(FAMILY, h);
}

/* A given name of either sex. */
static const char *adult_given(uint64_t h)
{
	uint64_t n = ARRAY_LEN(BOYS) + ARRAY_LEN(GIRLS);
	uint64_t i = h % n;
	return i < ARRAY_LEN(BOYS) ? BOYS[i] : GIRLS[i - ARRAY_LEN(BOYS)];
}

/* "a b" into out, cut short to fit. */
static void two_words(char *out, size_t size, const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na + nb + 2 > size)
		na = nb = 0;
	memcpy(out, a, na);
	out[na] = ' ';
	memcpy(out + na + 1, b, nb);
	out[na + 1 + nb] = '\0';
}

void name_person(uint64_t h, char *out, size_t size)
{
	two_words(out, size, adult_given(h),
		  name_family(h / (ARRAY_LEN(BOYS) + ARRAY_LEN(GIRLS)), false));
}

void name_iro(unsigned long k, char *out, size_t size)
{
	/* k runs through every (given, family) pair once, in a scattered
	 * order (STRIDE is prime to their count), then again with a middle
	 * initial, so names differ while k < NAMES_UNIQUE. */
	const unsigned long givens = ARRAY_LEN(BOYS) + ARRAY_LEN(GIRLS);
	const unsigned long pairs = givens * ARRAY_LEN(FAMILY);
	const unsigned long STRIDE = 2273;
	unsigned long x = k % pairs * STRIDE % pairs;
	unsigned long round = k / pairs;
	const char *given = adult_given(x % givens);
	const char *family = FAMILY[x / givens];
	if (round == 0)
		snprintf(out, size, "%s %s", given, family);
	else
		snprintf(out, size, "%s %c. %s", given,
			 (char)('A' + (round - 1) % 26), family);
}

const char *name_authority(uint64_t h)
{
	return ONE_OF(COUNCILS, h);
}
