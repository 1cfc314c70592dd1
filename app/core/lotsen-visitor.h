/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-code-gate.h"
#include "lotsen-store.h"

G_BEGIN_DECLS

/* Bump when the consent text changes: returning visitors are asked again. */
#define LOTSEN_CONSENT_VERSION 1

/* Limits on what a visitor types, in characters (documented in README.md). */
#define LOTSEN_NAME_MAX_CHARS  60
#define LOTSEN_PHONE_MAX_CHARS 25
#define LOTSEN_CODE_MIN_LENGTH  4
#define LOTSEN_CODE_MAX_LENGTH  5

/* The personal code's alphabet: no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G). */
#define LOTSEN_CODE_ALPHABET "ACDEFHJKMNPRTUVWXY3479"

typedef enum {
  LOTSEN_GENDER_UNSTATED,
  LOTSEN_GENDER_WOMAN,
  LOTSEN_GENDER_MAN,
  LOTSEN_GENDER_OTHER,
} LotsenGender;

/* The two questions a site that reports to the ESF+ asks at registration
 * (the setting "esf_fields"; off by default, so that no more is collected
 * than the site needs).  UNASKED: not asked, or not answered; stored as
 * NULL.  Keys: "unemployed", "working", "studying", "inactive" (not in
 * the labour force), "unstated" (the visitor would rather not say). */
typedef enum {
  LOTSEN_EMPLOYMENT_UNASKED,
  LOTSEN_EMPLOYMENT_UNEMPLOYED,
  LOTSEN_EMPLOYMENT_EMPLOYED,
  LOTSEN_EMPLOYMENT_STUDYING,
  LOTSEN_EMPLOYMENT_INACTIVE,
  LOTSEN_EMPLOYMENT_UNSTATED,
  LOTSEN_N_EMPLOYMENTS,
} LotsenEmployment;

/* The highest education finished.  Keys: "compulsory" (compulsory school
 * or less), "upper_secondary", "post_secondary", "unstated". */
typedef enum {
  LOTSEN_EDUCATION_UNASKED,
  LOTSEN_EDUCATION_COMPULSORY,
  LOTSEN_EDUCATION_UPPER_SECONDARY,
  LOTSEN_EDUCATION_POST_SECONDARY,
  LOTSEN_EDUCATION_UNSTATED,
  LOTSEN_N_EDUCATIONS,
} LotsenEducation;

/* What a visitor enters while registering; nothing is stored until
 * lotsen_visitor_register() takes all of it at once. */
typedef struct
{
  char         *lang;
  char         *given_name;
  char         *family_name;      /* optional */
  int           birth_year;       /* 0: not given */
  LotsenGender  gender;
  char         *phone;            /* optional */
  char         *municipality;     /* optional, one of the site's */
  GStrv         interests;        /* keys from lotsen_visitor_get_interests() */
  char         *interpreter_lang; /* optional */
  LotsenEmployment employment;    /* asked only where "esf_fields" is on */
  LotsenEducation  education;
  gboolean      consent;          /* the visitor accepted LOTSEN_CONSENT_VERSION */
} LotsenVisitorDraft;

typedef struct
{
  gint64        id;
  char         *uuid;
  char         *code;
  char         *lang;
  char         *given_name;
  char         *family_name;
  int           birth_year;
  LotsenGender  gender;
  char         *phone;
  char         *municipality;
  GStrv         interests;
  char         *interpreter_lang;
  LotsenEmployment employment;
  LotsenEducation  education;
  int           consent_version;
  gint64        consent_at;
  gint64        created_at;
  gint64        last_seen_at;
} LotsenVisitor;

LotsenVisitorDraft  *lotsen_visitor_draft_new          (void);
void                 lotsen_visitor_draft_free         (LotsenVisitorDraft  *draft);
void                 lotsen_visitor_free               (LotsenVisitor       *visitor);

const char * const  *lotsen_visitor_get_interests      (void);
const char          *lotsen_gender_to_string           (LotsenGender         gender);
const char          *lotsen_employment_to_string       (LotsenEmployment     employment);
LotsenEmployment     lotsen_employment_from_string     (const char          *key);
const char          *lotsen_education_to_string        (LotsenEducation      education);
LotsenEducation      lotsen_education_from_string      (const char          *key);

gboolean             lotsen_visitor_get_esf_fields     (LotsenStore         *store);
gboolean             lotsen_visitor_set_esf_fields     (LotsenStore         *store,
                                                        const char          *value,
                                                        GError             **error);

char                *lotsen_visitor_normalize_name     (const char          *text,
                                                        gssize               length,
                                                        gboolean             required,
                                                        GError             **error);
char                *lotsen_visitor_normalize_phone    (const char          *text,
                                                        gssize               length,
                                                        GError             **error);
gboolean             lotsen_visitor_check_birth_year   (LotsenStore         *store,
                                                        int                  year,
                                                        GError             **error);
void                 lotsen_visitor_get_birth_years    (LotsenStore         *store,
                                                        int                 *oldest,
                                                        int                 *youngest);
char                *lotsen_visitor_normalize_code     (const char          *text);

GPtrArray           *lotsen_visitor_list_municipalities (LotsenStore        *store,
                                                        GError             **error);
gboolean             lotsen_visitor_add_municipality   (LotsenStore         *store,
                                                        const char          *name,
                                                        GError             **error);

LotsenVisitor       *lotsen_visitor_register           (LotsenStore         *store,
                                                        const LotsenVisitorDraft *draft,
                                                        GError             **error);
LotsenVisitor       *lotsen_visitor_find_by_code       (LotsenStore         *store,
                                                        const char          *code,
                                                        GError             **error);
gboolean             lotsen_visitor_renew_consent      (LotsenStore         *store,
                                                        gint64               visitor_id,
                                                        GError             **error);
gboolean             lotsen_visitor_record_visit       (LotsenStore         *store,
                                                        gint64               visitor_id,
                                                        GError             **error);
gboolean             lotsen_visitor_needs_consent      (const LotsenVisitor *visitor);
char                *lotsen_visitor_masked_name        (const LotsenVisitor *visitor);
gboolean             lotsen_visitor_erase              (LotsenStore         *store,
                                                        const char          *code,
                                                        GError             **error);
gboolean             lotsen_visitor_purge              (LotsenStore         *store,
                                                        guint               *n_anonymised,
                                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenVisitorDraft, lotsen_visitor_draft_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenVisitor, lotsen_visitor_free)

G_END_DECLS
