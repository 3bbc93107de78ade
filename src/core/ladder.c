/*
 * ladder.c - the preset ladders (ladder.h), read beside spec §3 and
 * domain-rules §5.2.
 */
#include "lib/common.h"
#include "core/ladder.h"

#define INFORMAL false
#define FORMAL true

const struct ladder LADDER_PRESETS[] = {
	/* spec §3: "a generic 4-stage ladder of 5 WD per stage"; the stages
	 * of the May 2017 alerts protocol in domain-rules §5.2 [SLIDE-ALERT],
	 * each answered "within 5 working days". */
	{ "generic", "Generic: four stages of 5 working days", LADDER_CEILING_WD,
	  { { "stage 1", "team manager", 5, INFORMAL },
	    { "stage 2", "head of service", 5, FORMAL },
	    { "stage 3", "executive head of service", 5, FORMAL },
	    { "stage 4", "strategic director", 5, FORMAL } },
	  4 },
	/* spec §3: "Cheshire East (informal alert 5 WD with team manager ->
	 * formal alert 10 WD with senior manager -> Cafcass)". */
	{ "cheshire_east", "Cheshire East: informal and formal alerts",
	  LADDER_CEILING_WD,
	  { { "informal alert", "team manager", 5, INFORMAL },
	    { "formal alert", "senior manager", 10, FORMAL } },
	  2 },
	/* spec §3: "Buckinghamshire (informal with social worker -> stage 1
	 * team manager -> stage 2 head of service -> stage 3 service director
	 * -> stage 4 corporate director -> stage 5 Cafcass)". */
	{ "buckinghamshire", "Buckinghamshire: informal, then stages 1 to 4",
	  LADDER_CEILING_WD,
	  { { "informal", "social worker", 5, INFORMAL },
	    { "stage 1", "team manager", 5, FORMAL },
	    { "stage 2", "head of service", 5, FORMAL },
	    { "stage 3", "service director", 5, FORMAL },
	    { "stage 4", "corporate director", 5, FORMAL } },
	  5 },
	/* spec §3: "Manchester (six stages up to Cafcass)"; the seed (MAN,
	 * L507) names them: "Safeguarding Managers, Services Lead and
	 * Strategic Leads/Heads of Service, Deputy Director, Director and
	 * CAFCASS", and Stage 1 is resolved with the social worker's team. */
	{ "manchester", "Manchester: stages 1 to 5, then Cafcass",
	  LADDER_CEILING_WD,
	  { { "stage 1", "team manager", 5, INFORMAL },
	    { "stage 2", "safeguarding manager", 5, FORMAL },
	    { "stage 3", "service lead", 5, FORMAL },
	    { "stage 4", "strategic lead / head of service", 5, FORMAL },
	    { "stage 5", "deputy director / director", 5, FORMAL } },
	  5 },
};
const size_t LADDER_NPRESETS = ARRAY_LEN(LADDER_PRESETS);

const struct ladder *ladder_preset(const char *key)
{
	for (size_t i = 0; i < LADDER_NPRESETS; i++)
		if (strcmp(LADDER_PRESETS[i].key, key) == 0)
			return &LADDER_PRESETS[i];
	return NULL;
}

size_t ladder_first_formal(const struct ladder *l)
{
	size_t i = 0;
	while (i < l->nstages && !l->stages[i].formal)
		i++;
	return i;
}

const char *ladder_check(const struct ladder *l)
{
	if (l->nstages < 1 || l->nstages > LADDER_MAX_STAGES)
		return "a ladder has 1 to 8 stages";
	if (l->ceiling_wd < 1 || l->ceiling_wd > 120)
		return "the ceiling is 1 to 120 working days";
	for (size_t i = 0; i < l->nstages; i++) {
		const struct ladder_stage *s = &l->stages[i];
		if (!s->name[0])
			return "every stage has a name";
		if (s->response_wd < 1 || s->response_wd > 60)
			return "a stage's response time is 1 to 60 working days";
		if (i > 0 && l->stages[i - 1].formal && !s->formal)
			return "informal stages come before formal ones";
	}
	return NULL;
}
