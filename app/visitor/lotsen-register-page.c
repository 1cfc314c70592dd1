/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-register-page.c — registering, one question at a time.
 *
 * What the visitor enters goes straight into the visit's draft, never
 * only into a widget: when the language changes the page is built anew
 * from the draft, at the same step, and nothing typed is lost.  Each step
 * is checked by the core before the next; nothing is stored until the
 * visitor taps Save on the last step (the window does that).
 *
 * Only the step on screen is shown at all (lotsen-steps.c).
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "lotsen-format.h"
#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-keyboard.h"
#include "lotsen-label.h"
#include "lotsen-register-page.h"
#include "lotsen-steps.h"
#include "lotsen-tile.h"

static const struct {
  const char *key;
  const char *pictogram;
  const char *label;
} interest_choices[] = {
  /* Translators: a topic a visitor can want help with at registration: learning Swedish. */
  { "swedish",  "lotsen-interpreter-symbolic", N_("Swedish language") },
  { "work",     "lotsen-work-symbolic",        N_("Work") },
  { "studies",  "lotsen-studies-symbolic",     N_("Studies") },
  { "housing",  "lotsen-housing-symbolic",     N_("Housing") },
  { "health",   "lotsen-health-symbolic",      N_("Health") },
  { "society",  "lotsen-society-symbolic",     N_("Society") },
  { "family",   "lotsen-family-symbolic",      N_("Children and family") },
  { "leisure",  "lotsen-leisure-symbolic",     N_("Leisure") },
};

/* The ESF+ questions, where the site asks them (lotsen-visit.c). */
static const struct {
  LotsenEmployment  employment;
  const char       *pictogram;
  const char       *label;
} employment_choices[] = {
  /* Translators: an answer to “What do you do now?” at registration: unemployed. */
  { LOTSEN_EMPLOYMENT_UNEMPLOYED, "lotsen-job-search-symbolic", N_("Looking for work") },
  /* Translators: an answer to “What do you do now?” at registration: employed. */
  { LOTSEN_EMPLOYMENT_EMPLOYED,   "lotsen-work-symbolic",       N_("Working") },
  /* Translators: an answer to “What do you do now?” at registration: a student. */
  { LOTSEN_EMPLOYMENT_STUDYING,   "lotsen-studies-symbolic",    N_("Studying") },
  /* Translators: an answer to “What do you do now?” at registration: not in the labour force (at home, on leave, ill, retired). */
  { LOTSEN_EMPLOYMENT_INACTIVE,   "lotsen-pause-symbolic",      N_("Not looking for work") },
  /* Translators: an answer to a question at registration the visitor does not want to answer. */
  { LOTSEN_EMPLOYMENT_UNSTATED,   "lotsen-unstated-symbolic",   N_("I prefer not to say") },
};

static const struct {
  LotsenEducation  education;
  const char      *pictogram;
  const char      *label;
} education_choices[] = {
  /* Translators: an answer to “How long did you go to school?”: compulsory school or less. */
  { LOTSEN_EDUCATION_COMPULSORY,      "lotsen-school-1-symbolic", N_("Up to 9 years") },
  /* Translators: an answer to “How long did you go to school?”: upper secondary school (gymnasium, high school). */
  { LOTSEN_EDUCATION_UPPER_SECONDARY, "lotsen-school-2-symbolic", N_("Upper secondary school") },
  /* Translators: an answer to “How long did you go to school?”: any education after upper secondary school. */
  { LOTSEN_EDUCATION_POST_SECONDARY,  "lotsen-school-3-symbolic", N_("University or college") },
  { LOTSEN_EDUCATION_UNSTATED,        "lotsen-unstated-symbolic", N_("I prefer not to say") },
};

static const struct {
  LotsenGender  gender;
  const char   *label;
} gender_choices[] = {
  /* Translators: an answer to “You are” at registration. */
  { LOTSEN_GENDER_WOMAN,    N_("A woman") },
  /* Translators: an answer to “You are” at registration. */
  { LOTSEN_GENDER_MAN,      N_("A man") },
  { LOTSEN_GENDER_OTHER,    N_("Other") },
  { LOTSEN_GENDER_UNSTATED, N_("I prefer not to say") },
};

struct _LotsenRegisterPage
{
  GtkWidget           parent_instance;

  GtkLabel           *step_label;
  GtkStack           *steps;
  GtkEntry           *given_entry;
  GtkEntry           *family_entry;
  GtkEntry           *phone_entry;
  LotsenKeyboard     *name_keyboard;
  LotsenKeyboard     *phone_keyboard;
  GtkFlowBox         *decades;
  GtkFlowBox         *years;
  GtkFlowBox         *genders;
  GtkFlowBox         *municipalities;
  GtkFlowBox         *interests;
  GtkFlowBox         *interpreters;
  GtkFlowBox         *employments;
  GtkFlowBox         *educations;
  GtkListBox         *summary;
  GtkLabel           *error_label;
  LotsenTile         *next_button;

  LotsenVisit        *visit;
  int                 oldest_year;
  int                 youngest_year;
  int                 decade;
};

G_DEFINE_FINAL_TYPE (LotsenRegisterPage, lotsen_register_page, GTK_TYPE_WIDGET)

static void
show_error (LotsenRegisterPage *self,
            const char         *message)
{
  lotsen_label_set_message (self->error_label, message);
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The choice buttons: toggles whose state always follows the draft. */

static gboolean
choice_is_on (LotsenRegisterPage *self,
              const char         *kind,
              const char         *value)
{
  LotsenVisitorDraft *draft = lotsen_visit_get_draft (self->visit);

  if (g_str_equal (kind, "decade"))
    return atoi (value) == self->decade;
  if (g_str_equal (kind, "year"))
    return atoi (value) == draft->birth_year;
  if (g_str_equal (kind, "gender"))
    return atoi (value) == (int) draft->gender;
  if (g_str_equal (kind, "municipality"))
    return g_strcmp0 (value, draft->municipality) == 0;
  if (g_str_equal (kind, "interest"))
    return draft->interests != NULL && g_strv_contains ((const char * const *) draft->interests, value);
  if (g_str_equal (kind, "interpreter"))
    return g_strcmp0 (value, draft->interpreter_lang ? draft->interpreter_lang : "") == 0;
  if (g_str_equal (kind, "employment"))
    return lotsen_employment_from_string (value) == draft->employment;
  if (g_str_equal (kind, "education"))
    return lotsen_education_from_string (value) == draft->education;

  g_assert_not_reached ();
}

static void
sync_box (LotsenRegisterPage *self,
          GtkFlowBox         *box)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (box));
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    choice_is_on (self,
                                                  g_object_get_data (G_OBJECT (button), "kind"),
                                                  gtk_widget_get_name (button)));
    }
}

static void fill_years (LotsenRegisterPage *self);

static void
toggle_interest (LotsenVisitorDraft *draft,
                 const char         *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean found = FALSE;

  for (guint i = 0; draft->interests != NULL && draft->interests[i] != NULL; i++)
    {
      if (g_str_equal (draft->interests[i], key))
        found = TRUE;
      else
        g_strv_builder_add (builder, draft->interests[i]);
    }
  if (!found)
    g_strv_builder_add (builder, key);

  g_strfreev (draft->interests);
  draft->interests = g_strv_builder_end (builder);
}

static void
choice_clicked_cb (GtkButton          *button,
                   LotsenRegisterPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "kind");
  const char *value = gtk_widget_get_name (GTK_WIDGET (button));
  LotsenVisitorDraft *draft = lotsen_visit_get_draft (self->visit);
  gboolean was_on = choice_is_on (self, kind, value);

  if (g_str_equal (kind, "decade"))
    {
      self->decade = atoi (value);
      fill_years (self);
    }
  else if (g_str_equal (kind, "year"))
    draft->birth_year = was_on ? 0 : atoi (value);
  else if (g_str_equal (kind, "gender"))
    draft->gender = atoi (value);
  else if (g_str_equal (kind, "municipality"))
    set_text (&draft->municipality, was_on ? NULL : value);
  else if (g_str_equal (kind, "interest"))
    toggle_interest (draft, value);
  else if (g_str_equal (kind, "interpreter"))
    set_text (&draft->interpreter_lang, value);
  else if (g_str_equal (kind, "employment"))
    draft->employment = was_on ? LOTSEN_EMPLOYMENT_UNASKED : lotsen_employment_from_string (value);
  else if (g_str_equal (kind, "education"))
    draft->education = was_on ? LOTSEN_EDUCATION_UNASKED : lotsen_education_from_string (value);

  sync_box (self, GTK_FLOW_BOX (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_FLOW_BOX)));
  show_error (self, NULL);
}

static GtkWidget *
add_choice (LotsenRegisterPage *self,
            GtkFlowBox         *box,
            const char         *kind,
            const char         *value,
            const char         *label,
            const char         *pictogram)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  /* The two ESF+ questions share a step: narrower tiles, whose words
   * wrap, so that both fit on a screen. */
  if (g_str_equal (kind, "employment") || g_str_equal (kind, "education"))
    gtk_label_set_max_width_chars (GTK_LABEL (text), 14);
  /* "1990–1999" reads from left to right in every language. */
  if (g_str_equal (kind, "decade"))
    gtk_widget_set_direction (text, GTK_TEXT_DIR_LTR);

  if (pictogram != NULL)
    {
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *image = gtk_image_new_from_icon_name (pictogram);

      gtk_widget_set_valign (content, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (image, "button-pictogram");
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_box_append (GTK_BOX (content), image);
      gtk_box_append (GTK_BOX (content), text);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "choice-tile");
    }
  else
    gtk_button_set_child (GTK_BUTTON (button), text);

  gtk_widget_add_css_class (button, "choice");
  gtk_widget_set_name (button, value);
  if (g_str_equal (kind, "interpreter"))
    {
      /* Not the language bar's name: this one asks for an interpreter. */
      g_autofree char *name = lotsen_format_interpreter_name (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "kind", g_strdup (kind), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked_cb), self);

  gtk_flow_box_append (box, button);
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), choice_is_on (self, kind, value));

  return button;
}

static void
clear_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static void
fill_years (LotsenRegisterPage *self)
{
  clear_box (self->years);

  for (int year = MAX (self->decade, self->oldest_year);
       year <= MIN (self->decade + 9, self->youngest_year);
       year++)
    {
      g_autofree char *value = g_strdup_printf ("%d", year);

      add_choice (self, self->years, "year", value, value, NULL);
    }
}

static void
fill_choices (LotsenRegisterPage *self,
              GPtrArray          *municipalities,
              const char * const *interpreters)
{

  for (int decade = self->oldest_year / 10 * 10; decade <= self->youngest_year; decade += 10)
    {
      g_autofree char *value = g_strdup_printf ("%d", decade);
      g_autofree char *label = g_strdup_printf ("%d–%d", decade, decade + 9);

      add_choice (self, self->decades, "decade", value, label, NULL);
    }
  fill_years (self);

  for (guint i = 0; i < G_N_ELEMENTS (gender_choices); i++)
    {
      g_autofree char *value = g_strdup_printf ("%d", gender_choices[i].gender);

      add_choice (self, self->genders, "gender", value, _(gender_choices[i].label), NULL);
    }

  for (guint i = 0; i < municipalities->len; i++)
    add_choice (self, self->municipalities, "municipality",
                municipalities->pdata[i], municipalities->pdata[i], NULL);

  for (guint i = 0; i < G_N_ELEMENTS (interest_choices); i++)
    add_choice (self, self->interests, "interest", interest_choices[i].key,
                _(interest_choices[i].label), interest_choices[i].pictogram);

  for (guint i = 0; i < G_N_ELEMENTS (employment_choices); i++)
    add_choice (self, self->employments, "employment",
                lotsen_employment_to_string (employment_choices[i].employment),
                _(employment_choices[i].label), employment_choices[i].pictogram);
  for (guint i = 0; i < G_N_ELEMENTS (education_choices); i++)
    add_choice (self, self->educations, "education",
                lotsen_education_to_string (education_choices[i].education),
                _(education_choices[i].label), education_choices[i].pictogram);

  add_choice (self, self->interpreters, "interpreter", "", _("No, thank you"), NULL);
  for (guint i = 0; interpreters != NULL && interpreters[i] != NULL; i++)
    {
      const LotsenInterpreterLanguage *language = lotsen_interpreter_lookup (interpreters[i]);
      const char *translated;
      GtkWidget *button, *box, *own, *other;

      if (language == NULL)
        continue;

      /* Its own name, and under it its name in the visitor's language. */
      button = add_choice (self, self->interpreters, "interpreter", language->code, language->native_name, NULL);
      translated = lotsen_interpreter_get_name (language);
      if (g_str_equal (translated, language->native_name))
        continue;
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      own = g_object_ref (gtk_button_get_child (GTK_BUTTON (button)));
      gtk_button_set_child (GTK_BUTTON (button), NULL);
      gtk_box_append (GTK_BOX (box), own);
      g_object_unref (own);
      other = gtk_label_new (translated);
      gtk_label_set_wrap (GTK_LABEL (other), TRUE);
      gtk_label_set_justify (GTK_LABEL (other), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (other, "language-other");
      gtk_box_append (GTK_BOX (box), other);
      gtk_button_set_child (GTK_BUTTON (button), box);
      {
        g_autofree char *both = g_strdup_printf (_("%s (%s)"), translated, language->native_name);
        g_autofree char *accessible = lotsen_format_interpreter_name (both);

        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      }
    }
}

static void
add_summary_row (LotsenRegisterPage *self,
                 const char         *title,
                 const char         *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "–");
  gtk_list_box_append (self->summary, row);
}

static void
fill_summary (LotsenRegisterPage *self)
{
  LotsenVisitorDraft *draft = lotsen_visit_get_draft (self->visit);
  g_autofree char *year = draft->birth_year ? g_strdup_printf ("%d", draft->birth_year) : NULL;
  g_autoptr(GString) chosen = g_string_new (NULL);
  const LotsenInterpreterLanguage *interpreter = lotsen_interpreter_lookup (draft->interpreter_lang);
  const char *gender = NULL;
  const char *employment = NULL;
  const char *education = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (gender_choices); i++)
    if (gender_choices[i].gender == draft->gender)
      gender = _(gender_choices[i].label);
  for (guint i = 0; i < G_N_ELEMENTS (employment_choices); i++)
    if (employment_choices[i].employment == draft->employment)
      employment = _(employment_choices[i].label);
  for (guint i = 0; i < G_N_ELEMENTS (education_choices); i++)
    if (education_choices[i].education == draft->education)
      education = _(education_choices[i].label);

  for (guint i = 0; i < G_N_ELEMENTS (interest_choices); i++)
    if (draft->interests != NULL && g_strv_contains ((const char * const *) draft->interests, interest_choices[i].key))
      /* Translators: between two items of a list */
      g_string_append_printf (chosen, "%s%s", chosen->len ? _(", ") : "", _(interest_choices[i].label));

  add_summary_row (self, _("Your first name"), draft->given_name);
  add_summary_row (self, _("Your family name (if you want)"), draft->family_name);
  add_summary_row (self, _("Which year were you born?"), year);
  /* Translators: a question at registration, answered “A woman”, “A man”, “Other” or “I prefer not to say”. */
  add_summary_row (self, _("You are"), gender);
  add_summary_row (self, _("Your phone number (if you want)"), draft->phone);
  add_summary_row (self, _("Where do you live? (if you want)"), draft->municipality);
  if (g_strv_contains (lotsen_visit_get_register_steps (self->visit), "esf"))
    {
      add_summary_row (self, _("What do you do now?"), employment);
      add_summary_row (self, _("How long did you go to school?"), education);
    }
  add_summary_row (self, _("What would you like help with? Tap all that fit."), chosen->str);
  add_summary_row (self, _("Do you need an interpreter? In which language?"),
                   interpreter ? interpreter->native_name : NULL);
}

static void entry_changed_cb (GtkEditable        *editable,
                              LotsenRegisterPage *self);

static void
focus_at_end (GtkEntry *entry)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  /* Back on a step, a tap on a key adds to the name instead of replacing it. */
  gtk_editable_select_region (GTK_EDITABLE (entry), -1, -1);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
}

static void
show_step (LotsenRegisterPage *self)
{
  LotsenVisitorDraft *draft = lotsen_visit_get_draft (self->visit);
  guint step = lotsen_visit_get_register_step (self->visit);
  guint n_steps = lotsen_visit_get_n_register_steps (self->visit);
  const char *name = lotsen_visit_get_register_steps (self->visit)[step];
  g_autofree char *label = g_strdup_printf (_("Step %u of %u"), step + 1, n_steps);
  gboolean last = step == n_steps - 1;
  GtkWidget *row;

  gtk_label_set_text (self->step_label, label);

  lotsen_steps_show (self->steps, name);
  lotsen_steps_fill_entry (self->given_entry, g_str_equal (name, "name") ? draft->given_name : NULL,
                           G_CALLBACK (entry_changed_cb), self);
  lotsen_steps_fill_entry (self->family_entry, g_str_equal (name, "name") ? draft->family_name : NULL,
                           G_CALLBACK (entry_changed_cb), self);
  lotsen_steps_fill_entry (self->phone_entry, g_str_equal (name, "contact") ? draft->phone : NULL,
                           G_CALLBACK (entry_changed_cb), self);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->summary))) != NULL)
    gtk_list_box_remove (self->summary, row);

  lotsen_tile_set_text (self->next_button, last ? _("Save") : _("Next"));
  lotsen_tile_set_pictogram (self->next_button, last ? "lotsen-done-symbolic" : "lotsen-next-symbolic");

  if (g_str_equal (name, "check"))
    fill_summary (self);
  else if (g_str_equal (name, "name"))
    {
      lotsen_keyboard_set_target (self->name_keyboard, GTK_EDITABLE (self->given_entry));
      focus_at_end (self->given_entry);
    }
  else if (g_str_equal (name, "contact"))
    focus_at_end (self->phone_entry);

  show_error (self, NULL);
}

/* Checks the step with the core's rules, keeping what it cleans up. */
static gboolean
check_step (LotsenRegisterPage *self)
{
  g_autoptr(GError) error = NULL;
  LotsenVisitorDraft *draft = lotsen_visit_get_draft (self->visit);
  const char *name = lotsen_visit_get_register_steps (self->visit)[lotsen_visit_get_register_step (self->visit)];

  if (g_str_equal (name, "name"))
    {
      g_autofree char *given = lotsen_visitor_normalize_name (draft->given_name, -1, TRUE, &error);
      g_autofree char *family = NULL;

      if (given != NULL)
        family = lotsen_visitor_normalize_name (draft->family_name, -1, FALSE, &error);
      if (family == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }

      gtk_editable_set_text (GTK_EDITABLE (self->given_entry), given);
      gtk_editable_set_text (GTK_EDITABLE (self->family_entry), family);
    }
  else if (g_str_equal (name, "contact"))
    {
      g_autofree char *phone = lotsen_visitor_normalize_phone (draft->phone, -1, &error);

      if (phone == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LotsenRegisterPage *self = LOTSEN_REGISTER_PAGE (widget);
  guint step = lotsen_visit_get_register_step (self->visit);

  if (!check_step (self))
    return;

  if (step == lotsen_visit_get_n_register_steps (self->visit) - 1)
    {
      gtk_widget_activate_action (widget, "win.register", NULL);
      return;
    }

  lotsen_visit_set_register_step (self->visit, step + 1);
  show_step (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LotsenRegisterPage *self = LOTSEN_REGISTER_PAGE (widget);
  guint step = lotsen_visit_get_register_step (self->visit);

  if (step == 0)
    {
      gtk_widget_activate_action (widget, "win.cancel-registration", NULL);
      return;
    }

  lotsen_visit_set_register_step (self->visit, step - 1);
  show_step (self);
}

static void
entry_changed_cb (GtkEditable        *editable,
                  LotsenRegisterPage *self)
{
  LotsenVisitorDraft *draft = lotsen_visit_get_draft (self->visit);
  const char *text = gtk_editable_get_text (editable);

  if (draft == NULL)
    return;

  if (editable == GTK_EDITABLE (self->given_entry))
    set_text (&draft->given_name, text);
  else if (editable == GTK_EDITABLE (self->family_entry))
    set_text (&draft->family_name, text);
  else
    set_text (&draft->phone, text);

  show_error (self, NULL);
}

static void
entry_focus_enter_cb (GtkEventControllerFocus *controller,
                      LotsenRegisterPage      *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  lotsen_keyboard_set_target (self->name_keyboard, GTK_EDITABLE (entry));
}

/* "Done" on the keyboard: from the first name on to the family name, and
 * from there on to the next step. */
static void
keyboard_done_cb (LotsenKeyboard     *keyboard,
                  LotsenRegisterPage *self)
{
  if (lotsen_keyboard_get_target (keyboard) == GTK_EDITABLE (self->given_entry))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->family_entry));
      lotsen_keyboard_set_target (keyboard, GTK_EDITABLE (self->family_entry));
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "register.next", NULL);
}

static void
watch_entry (LotsenRegisterPage *self,
             GtkEntry           *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);

  if (entry != self->phone_entry)
    {
      g_signal_connect (focus, "enter", G_CALLBACK (entry_focus_enter_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (entry), focus);
    }
  else
    g_object_unref (g_object_ref_sink (focus));
}

static void
lotsen_register_page_dispose (GObject *object)
{
  LotsenRegisterPage *self = LOTSEN_REGISTER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_REGISTER_PAGE);
  g_clear_object (&self->visit);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_register_page_parent_class)->dispose (object);
}

static void
lotsen_register_page_class_init (LotsenRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_register_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, steps);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, given_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, family_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, name_keyboard);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, phone_keyboard);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, decades);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, years);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, genders);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, municipalities);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, interests);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, interpreters);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, employments);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, educations);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, summary);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenRegisterPage, next_button);

  gtk_widget_class_install_action (widget_class, "register.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "register.back", NULL, back_action);
}

static void
lotsen_register_page_init (LotsenRegisterPage *self)
{
  g_type_ensure (LOTSEN_TYPE_KEYBOARD);
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lotsen_register_page_new:
 * @visit: the visit, with a draft to write the visitor's answers into
 * @municipalities: (element-type utf8): the site's municipalities
 * @interpreters: (nullable): the interpreter languages offered, by code
 * @oldest_year: the earliest birth year to offer
 * @youngest_year: the latest birth year to offer
 */
GtkWidget *
lotsen_register_page_new (LotsenVisit        *visit,
                          GPtrArray          *municipalities,
                          const char * const *interpreters,
                          int                 oldest_year,
                          int                 youngest_year)
{
  LotsenRegisterPage *self;
  LotsenVisitorDraft *draft;

  g_return_val_if_fail (LOTSEN_IS_VISIT (visit), NULL);
  g_return_val_if_fail (lotsen_visit_get_draft (visit) != NULL, NULL);
  g_return_val_if_fail (municipalities != NULL, NULL);

  draft = lotsen_visit_get_draft (visit);
  self = g_object_new (LOTSEN_TYPE_REGISTER_PAGE, NULL);
  self->visit = g_object_ref (visit);
  self->oldest_year = oldest_year;
  self->youngest_year = youngest_year;
  self->decade = (draft->birth_year ? draft->birth_year : youngest_year - 30) / 10 * 10;

  watch_entry (self, self->given_entry);
  watch_entry (self, self->family_entry);
  watch_entry (self, self->phone_entry);
  /* "+46 70 …" reads from left to right in every language. */
  gtk_widget_set_direction (GTK_WIDGET (self->phone_entry), GTK_TEXT_DIR_LTR);

  lotsen_keyboard_set_layout_for_language (self->name_keyboard, lotsen_i18n_get_language ());
  lotsen_keyboard_set_target (self->name_keyboard, GTK_EDITABLE (self->given_entry));
  lotsen_keyboard_set_target (self->phone_keyboard, GTK_EDITABLE (self->phone_entry));
  g_signal_connect (self->name_keyboard, "done", G_CALLBACK (keyboard_done_cb), self);
  g_signal_connect (self->phone_keyboard, "done", G_CALLBACK (keyboard_done_cb), self);

  fill_choices (self, municipalities, interpreters);
  show_step (self);

  return GTK_WIDGET (self);
}
