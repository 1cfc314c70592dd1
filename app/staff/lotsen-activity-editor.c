/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-activity-editor.c — staff create or change an activity: category,
 * pictogram, place, seats, length, when, and a title and description in
 * each of the kiosk's languages.  A saved activity also lists its coming
 * sessions, each of which can be cancelled; the people signed up to a
 * cancelled session stay listed so staff can tell them.
 *
 * What staff typed is never cleared by a mistake: an error is shown next
 * to its field and everything else stays as it was. */

#define G_LOG_DOMAIN "lotsen-activity-editor"

#include "config.h"

#include "lotsen-staff-session.h"
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-activity.h"
#include "lotsen-activity-editor.h"
#include "lotsen-format.h"
#include "lotsen-i18n.h"
#include "lotsen-label.h"
#include "lotsen-signup.h"

/* The shipped pictograms that stand for an activity, with names for
 * screen readers. */
static const struct {
  const char *icon;
  const char *name;
} pictograms[] = {
  /* Translators: the name of a pictogram staff can give an activity; screen readers read it. */
  { "lotsen-coffee-symbolic",      N_("Coffee") },
  { "lotsen-language-symbolic",    N_("Language") },
  { "lotsen-work-symbolic",        N_("Work") },
  { "lotsen-studies-symbolic",     N_("Studies") },
  { "lotsen-society-symbolic",     N_("Society") },
  { "lotsen-family-symbolic",      N_("Family") },
  { "lotsen-health-symbolic",      N_("Health") },
  /* Translators: the name of a pictogram staff can give an activity; screen readers read it; also a topic a visitor can want help with. */
  { "lotsen-housing-symbolic",     N_("Housing") },
  { "lotsen-leisure-symbolic",     N_("Leisure") },
  /* Translators: the name of a pictogram staff can give an activity; screen readers read it. */
  { "lotsen-documents-symbolic",   N_("Documents") },
  /* Translators: the name of a pictogram staff can give an activity; screen readers read it. */
  { "lotsen-help-symbolic",        N_("Help") },
  /* Translators: the name of a pictogram staff can give an activity; screen readers read it. */
  { "lotsen-interpreter-symbolic", N_("Interpreter") },
};

struct _LotsenActivityEditor
{
  GtkWidget       parent_instance;

  LotsenStaffSession *staff;
  gint64          activity_id;
  gint64          cancelling;    /* the session the confirmation asks about */
  GPtrArray      *title_entries; /* one per kiosk language, in table order */
  GPtrArray      *description_entries;
  GPtrArray      *weekday_toggles;
  GPtrArray      *pictogram_toggles;
  GPtrArray      *category_toggles;
  gboolean        pictogram_chosen;   /* by staff, not by the category */
  gboolean        choosing_pictogram;

  GtkScrolledWindow *scroller;
  GtkLabel       *heading;
  GtkFlowBox     *category_choices;
  GtkLabel       *category_error;
  GtkFlowBox     *pictogram_grid;
  GtkLabel       *pictogram_error;
  GtkEntry       *place_entry;
  GtkSpinButton  *capacity_spin;
  GtkLabel       *capacity_error;
  GtkSpinButton  *minutes_spin;
  GtkLabel       *minutes_error;
  GtkWidget      *repeat_box;
  GtkToggleButton *weekly_toggle;
  GtkToggleButton *once_toggle;
  GtkFlowBox     *weekday_grid;
  GtkWidget      *date_box;
  GtkEntry       *date_entry;
  GtkEntry       *time_entry;
  GtkLabel       *when_error;
  GtkWidget      *schedule_note;
  GtkLabel       *missing_label;
  GtkLabel       *title_error;
  GtkBox         *texts_box;
  GtkLabel       *error_label;
  GtkWidget      *sessions_box;
  GtkWidget      *told_box;
  GtkLabel       *told_title;
  GtkListBox     *told_list;
  GtkListBox     *session_list;
};

G_DEFINE_FINAL_TYPE (LotsenActivityEditor, lotsen_activity_editor, GTK_TYPE_WIDGET)

/* The store, only while staff mode is open: nothing here runs once it is
 * locked, however it is reached. */
static LotsenStore *
store_of (LotsenActivityEditor *self)
{
  return lotsen_staff_session_get_store (self->staff);
}

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_missing (LotsenActivityEditor *self)
{
  const LotsenLanguage *languages;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_languages;

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_entries->pdata[i])));

      if (*title != '\0')
        continue;

      if (missing->len > 0)
        /* Translators: between two items of a list */
        g_string_append (missing, _(", "));
      /* Each name isolated, so that Arabic and Persian names side by
       * side keep the list's order. */
      g_string_append_printf (missing, "\u2068%s\u2069", languages[i].native_name);
    }

  if (missing->len > 0)
    {
      /* Translators: %s lists languages by their own names, e.g. "Missing: ትግርኛ, Soomaali" */
      g_autofree char *text = g_strdup_printf (_("Missing: %s"), missing->str);

      gtk_label_set_text (self->missing_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->missing_label), "warning");
    }
  else
    {
      gtk_label_set_text (self->missing_label, _("Every language has a title."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->missing_label), "warning");
    }
}

static void
update_schedule (LotsenActivityEditor *self)
{
  gboolean weekly = gtk_toggle_button_get_active (self->weekly_toggle);

  gtk_widget_set_visible (GTK_WIDGET (self->weekday_grid), weekly);
  gtk_widget_set_visible (self->date_box, !weekly);
}

static void
select_toggle (GPtrArray  *toggles,
               const char *name)
{
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (toggles->pdata[i]), name) == 0)
      gtk_toggle_button_set_active (toggles->pdata[i], TRUE);
}

static GtkToggleButton *
find_active (GPtrArray *toggles)
{
  for (guint i = 0; i < toggles->len; i++)
    if (gtk_toggle_button_get_active (toggles->pdata[i]))
      return toggles->pdata[i];

  return NULL;
}

/* "15:00", "9:30" or "15.00". */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  g_auto(GStrv) parts = NULL;
  guint64 h, m;

  parts = g_regex_split_simple ("[:.]", text, 0, 0);
  if (g_strv_length (parts) != 2 || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL))
    return FALSE;

  *hour = h;
  *minute = m;
  return TRUE;
}

/* "2025-06-03": a date that exists. */
static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);
  guint64 y, m, d;

  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 2000, 2999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

static gboolean
read_number (GtkSpinButton *spin,
             int            lower,
             int            upper,
             int           *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gint64 number;

  if (!g_ascii_string_to_signed (text, 10, lower, upper, &number, NULL))
    return FALSE;

  *value = number;
  return TRUE;
}

/* Reads the form into a draft; every field in error shows why. */
static LotsenActivityDraft *
read_draft (LotsenActivityEditor *self)
{
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  const LotsenLanguage *languages;
  GtkToggleButton *toggle;
  g_autofree char *place = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_entry))));
  guint n_languages;
  gboolean ok = TRUE;
  int hour = 0, minute = 0;

  lotsen_label_set_message (self->category_error, NULL);
  lotsen_label_set_message (self->pictogram_error, NULL);
  lotsen_label_set_message (self->capacity_error, NULL);
  lotsen_label_set_message (self->minutes_error, NULL);
  lotsen_label_set_message (self->when_error, NULL);
  lotsen_label_set_message (self->title_error, NULL);
  lotsen_label_set_message (self->error_label, NULL);

  toggle = find_active (self->category_toggles);
  if (toggle == NULL)
    {
      lotsen_label_set_message (self->category_error, _("Choose a category."));
      ok = FALSE;
    }
  else
    draft->category = g_strdup (g_object_get_data (G_OBJECT (toggle), "key"));

  toggle = find_active (self->pictogram_toggles);
  if (toggle == NULL)
    {
      lotsen_label_set_message (self->pictogram_error, _("Choose a pictogram."));
      ok = FALSE;
    }
  else
    draft->pictogram = g_strdup (gtk_widget_get_name (GTK_WIDGET (toggle)));

  if (*place != '\0')
    draft->location = g_steal_pointer (&place);

  if (!read_number (self->capacity_spin, 0, LOTSEN_CAPACITY_MAX, &draft->capacity))
    {
      g_autofree char *message =
        /* Translators: %d is the largest number of seats, e.g. 999. */
        g_strdup_printf (_("The number of seats must be from 0 to %d."), LOTSEN_CAPACITY_MAX);

      lotsen_label_set_message (self->capacity_error, message);
      ok = FALSE;
    }

  if (!read_number (self->minutes_spin, 1, LOTSEN_SESSION_MINUTES_MAX, &draft->minutes))
    {
      g_autofree char *message =
        /* Translators: %d is a number of minutes. */
        g_strdup_printf (_("An activity can last at most %d minutes."), LOTSEN_SESSION_MINUTES_MAX);

      lotsen_label_set_message (self->minutes_error, message);
      ok = FALSE;
    }

  /* A saved activity keeps its schedule (see lotsen_activity_update()). */
  if (self->activity_id == 0)
    {
      if (!parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)), &hour, &minute))
        {
          lotsen_label_set_message (self->when_error, _("Type the start time as hours and minutes, for example 15:00."));
          ok = FALSE;
        }
      else if (gtk_toggle_button_get_active (self->weekly_toggle))
        {
          toggle = find_active (self->weekday_toggles);
          if (toggle == NULL)
            {
              lotsen_label_set_message (self->when_error, _("Choose the day of the week."));
              ok = FALSE;
            }
          else
            {
              for (guint i = 0; i < self->weekday_toggles->len; i++)
                if (self->weekday_toggles->pdata[i] == toggle)
                  draft->weekday = i + 1;
              draft->hour = hour;
              draft->minute = minute;
            }
        }
      else
        {
          int year, month, day;

          if (!parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &year, &month, &day))
            {
              lotsen_label_set_message (self->when_error, _("Type the date as year-month-day, for example 2025-06-03."));
              ok = FALSE;
            }
          else
            draft->once = g_date_time_new (lotsen_store_get_timezone (store_of (self)),
                                           year, month, day, hour, minute, 0);
        }
    }

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_entries->pdata[i])));
      g_autofree char *description =
        g_strstrip (g_strdup (gtk_editable_get_text (self->description_entries->pdata[i])));

      if (*title != '\0')
        lotsen_activity_draft_set_text (draft, languages[i].code, title,
                                        *description != '\0' ? description : NULL);
    }

  if (draft->texts->len == 0)
    {
      lotsen_label_set_message (self->title_error, _("Give the activity a title in at least one language."));
      ok = FALSE;
    }

  return ok ? g_steal_pointer (&draft) : NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LotsenActivityEditor *self = LOTSEN_ACTIVITY_EDITOR (widget);
  g_autoptr(LotsenActivityDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (store_of (self) == NULL)
    return;

  draft = read_draft (self);
  if (draft == NULL)
    return;

  if (self->activity_id == 0)
    {
      self->activity_id = lotsen_activity_create (store_of (self), draft, &error);
      saved = self->activity_id != 0;
    }
  else
    saved = lotsen_activity_update (store_of (self), self->activity_id, draft, &error);

  /* Keeps the weekly sessions 8 weeks ahead; adds none twice. */
  if (saved)
    saved = lotsen_activity_generate_sessions (store_of (self), NULL, &error);

  if (!saved)
    {
      lotsen_label_set_message (self->error_label, error->message);
      return;
    }

  g_signal_emit (self, signals[DONE], 0);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[DONE], 0);
}

static GtkWidget *
create_told_row (const LotsenSignup *signup)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *people = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: how many people a sign-up is for. */
  people = g_strdup_printf (ngettext ("%d person", "%d people", signup->party_size), signup->party_size);
  if (signup->phone != NULL)
    /* Translators: a phone number (kept left to right) and a number of
     * people, e.g. "070-123 45 67 · 2 people" */
    subtitle = g_strdup_printf (_("\u2066%s\u2069 · %s"), signup->phone, people);
  else
    /* Translators: %s is a number of people, e.g. "No phone number · 2 people" */
    subtitle = g_strdup_printf (_("No phone number · %s"), people);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signup->name ? signup->name : signup->visitor_code);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "told-row");

  return row;
}

static GtkWidget *
create_session_row (LotsenActivityEditor *self,
                    const LotsenSession  *session)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = lotsen_format_when (session->starts_at, lotsen_store_get_timezone (store_of (self)));
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);

  if (session->cancelled)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), C_("session", "Cancelled"));
      gtk_widget_add_css_class (row, "cancelled-session");
      return row;
    }

  /* Translators: seats taken of the session's seats, and people on the
   * waiting list, e.g. "5 of 12 seats taken, 2 waiting" */
  subtitle = g_strdup_printf (ngettext ("%1$d of %2$d seat taken, %3$d waiting",
                                        "%1$d of %2$d seats taken, %3$d waiting",
                                        session->capacity),
                              session->taken, session->capacity, session->waiting);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  {
    GtkWidget *button = gtk_button_new_with_label (_("Cancel this session"));

    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.cancel-session");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", session->id);
    gtk_widget_add_css_class (button, "choice");
    gtk_widget_add_css_class (button, "destructive-action");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  }

  return row;
}

static void
fill_sessions (LotsenActivityEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 now = lotsen_clock_get_now (lotsen_store_get_clock (store_of (self)));
  GtkWidget *row;
  guint shown = 0;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->session_list))) != NULL)
    gtk_list_box_remove (self->session_list, row);

  sessions = lotsen_activity_list_sessions (store_of (self), now, now + (LOTSEN_SESSION_WEEKS + 1) * 7 * 24 * 3600,
                                            lotsen_i18n_get_language (), NULL, TRUE, &error);
  if (sessions == NULL)
    {
      lotsen_label_set_message (self->error_label, error->message);
      return;
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      const LotsenSession *session = sessions->pdata[i];

      if (session->activity_id != self->activity_id)
        continue;

      gtk_list_box_append (self->session_list, create_session_row (self, session));
      shown++;
    }

  if (shown == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No coming sessions."));
      gtk_list_box_append (self->session_list, row);
    }
}

/* Brings the people to tell into view once they are laid out: the
 * button staff tapped may have been far down the list. */
static gboolean
scroll_to_told_cb (GtkWidget     *told_box,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  LotsenActivityEditor *self = user_data;
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t point;

  if (gtk_widget_compute_point (told_box, viewport, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 24);
    }

  return G_SOURCE_REMOVE;
}

static void
cancel_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    LotsenActivityEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signups = NULL;
  g_autoptr(LotsenSession) session = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (store_of (self) == NULL)
    return;

  if (!g_str_equal (response, "cancel-session") || self->cancelling == 0)
    return;

  session = lotsen_activity_get_session (store_of (self), self->cancelling, NULL, &error);
  if (session != NULL)
    signups = lotsen_activity_cancel_session (store_of (self), self->cancelling, &error);
  self->cancelling = 0;

  if (signups == NULL)
    {
      lotsen_label_set_message (self->error_label, error->message);
      return;
    }

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->told_list))) != NULL)
    gtk_list_box_remove (self->told_list, row);

  when = lotsen_format_when (session->starts_at, lotsen_store_get_timezone (store_of (self)));
  if (signups->len > 0)
    /* Translators: %s is a session's day and time */
    title = g_strdup_printf (_("%s is cancelled. Please tell these people:"), when);
  else
    /* Translators: %s is a session's day and time */
    title = g_strdup_printf (_("%s is cancelled. Nobody had signed up."), when);
  gtk_label_set_text (self->told_title, title);

  for (guint i = 0; i < signups->len; i++)
    gtk_list_box_append (self->told_list, create_told_row (signups->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->told_list), signups->len > 0);
  gtk_widget_set_visible (self->told_box, TRUE);

  fill_sessions (self);
  gtk_widget_add_tick_callback (self->told_box, scroll_to_told_cb, self, NULL);
}

static void
cancel_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsenActivityEditor *self = LOTSEN_ACTIVITY_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSession) session = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  int people;

  if (store_of (self) == NULL)
    return;

  session = lotsen_activity_get_session (store_of (self), g_variant_get_int64 (parameter), NULL, &error);
  if (session == NULL)
    {
      lotsen_label_set_message (self->error_label, error->message);
      return;
    }

  self->cancelling = session->id;
  when = lotsen_format_when (session->starts_at, lotsen_store_get_timezone (store_of (self)));
  people = session->taken + session->waiting;
  body = g_strdup_printf (ngettext ("%d person has signed up or is waiting. You will see whom to tell.",
                                    "%d people have signed up or are waiting. You will see whom to tell.",
                                    people),
                          people);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL, body));
  /* Translators: %s is a session's day and time */
  adw_message_dialog_format_heading (dialog, _("Cancel %s?"), when);
  adw_message_dialog_add_responses (dialog,
                                    /* Translators: a button in the activity editor's question: keep it as it is, do not delete it. */
                                    "keep", _("Keep it"),
                                    /* Translators: button in the dialog that cancels one session */
                                    "cancel-session", _("Cancel the session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-session", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_choice_toggle (const char *label,
                      const char *name)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_name (toggle, name);
  gtk_widget_add_css_class (toggle, "choice");
  return toggle;
}

static void
category_toggled (GtkToggleButton      *toggle,
                  LotsenActivityEditor *self)
{
  const char *pictogram = g_object_get_data (G_OBJECT (toggle), "pictogram");

  if (!gtk_toggle_button_get_active (toggle))
    return;

  lotsen_label_set_message (self->category_error, NULL);

  /* A new activity gets its category's pictogram until staff pick one. */
  if (self->activity_id == 0 && !self->pictogram_chosen)
    {
      self->choosing_pictogram = TRUE;
      select_toggle (self->pictogram_toggles, pictogram);
      self->choosing_pictogram = FALSE;
    }
}

static void
pictogram_toggled (GtkToggleButton      *toggle,
                   LotsenActivityEditor *self)
{
  if (gtk_toggle_button_get_active (toggle) && !self->choosing_pictogram)
    self->pictogram_chosen = TRUE;
  lotsen_label_set_message (self->pictogram_error, NULL);
}

static void
add_category_toggle (LotsenActivityEditor *self,
                     const char           *key,
                     const char           *pictogram)
{
  g_autofree char *name = g_strdup_printf ("category-%s", key);
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* The toggle is named; its pictogram is not a second thing to read. */
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE, "icon-name", pictogram,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (lotsen_format_category (key));

  gtk_widget_set_name (toggle, name);
  gtk_widget_add_css_class (toggle, "choice");
  gtk_widget_add_css_class (image, "choice-pictogram");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (toggle), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lotsen_format_category (key),
                                  -1);
  g_object_set_data_full (G_OBJECT (toggle), "key", g_strdup (key), g_free);
  g_object_set_data_full (G_OBJECT (toggle), "pictogram", g_strdup (pictogram), g_free);
  if (self->category_toggles->len > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->category_toggles->pdata[0]);
  g_signal_connect (toggle, "toggled", G_CALLBACK (category_toggled), self);
  g_ptr_array_add (self->category_toggles, toggle);
  gtk_flow_box_append (self->category_choices, toggle);
}

static void
build_form (LotsenActivityEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = lotsen_activity_list_categories (store_of (self), &error);
  const LotsenCategory *known;
  const LotsenLanguage *languages;
  guint n_known, n_languages;

  if (categories == NULL)
    {
      g_warning ("Listing categories: %s", error->message);
      categories = g_new0 (char *, 1);
    }

  /* The kiosk's categories, each with its pictogram and name, then any
   * other category an activity already has (imported from another
   * kiosk, say), so that editing it keeps it. */
  known = lotsen_activity_get_categories (&n_known);
  for (guint i = 0; i < n_known; i++)
    add_category_toggle (self, known[i].key, known[i].pictogram);
  for (guint i = 0; categories[i] != NULL; i++)
    if (lotsen_activity_lookup_category (categories[i]) == NULL)
      add_category_toggle (self, categories[i], "lotsen-help-symbolic");

  for (guint i = 0; i < G_N_ELEMENTS (pictograms); i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();
      GtkWidget *image = g_object_new (GTK_TYPE_IMAGE, "icon-name", pictograms[i].icon,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      gtk_widget_set_name (toggle, pictograms[i].icon);
      gtk_widget_add_css_class (image, "button-pictogram");
      gtk_button_set_child (GTK_BUTTON (toggle), image);
      gtk_widget_add_css_class (toggle, "choice");
      gtk_widget_add_css_class (toggle, "pictogram-choice");
      gtk_widget_set_tooltip_text (toggle, _(pictograms[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(pictograms[i].name),
                                      -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->pictogram_toggles->pdata[0]);
      g_signal_connect (toggle, "toggled", G_CALLBACK (pictogram_toggled), self);
      g_ptr_array_add (self->pictogram_toggles, toggle);
      gtk_flow_box_append (self->pictogram_grid, toggle);
    }

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("weekday-%u", i + 1);
      GtkWidget *toggle = create_choice_toggle (lotsen_format_weekday (i + 1), name);

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->weekday_toggles->pdata[0]);
      g_ptr_array_add (self->weekday_toggles, toggle);
      gtk_flow_box_append (self->weekday_grid, toggle);
    }

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *label = gtk_label_new (languages[i].native_name);
      GtkWidget *title = gtk_entry_new ();
      GtkWidget *description = gtk_entry_new ();
      g_autofree char *title_name = g_strdup_printf ("title-%s", languages[i].code);
      g_autofree char *description_name = g_strdup_printf ("description-%s", languages[i].code);
      /* Translators: the accessible name of a title field, e.g. "Title in ትግርኛ" */
      g_autofree char *title_label = g_strdup_printf (_("Title in %s"), languages[i].native_name);
      /* Translators: the accessible name of a description field, e.g. "Description in ትግርኛ" */
      g_autofree char *description_label = g_strdup_printf (_("Description in %s"), languages[i].native_name);
      GtkTextDirection direction = languages[i].direction == LOTSEN_TEXT_DIRECTION_RTL
                                   ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "language-texts");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "field-label");
      gtk_box_append (GTK_BOX (card), label);

      /* Each language is typed in its own direction, whatever the panel's. */
      gtk_widget_set_name (title, title_name);
      gtk_widget_set_direction (title, direction);
      /* Translators: the placeholder of an activity's title field, one per language. */
      gtk_entry_set_placeholder_text (GTK_ENTRY (title), _("Title"));
      gtk_widget_add_css_class (title, "big-entry");
      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, title_label, -1);
      g_signal_connect_object (title, "changed", G_CALLBACK (update_missing), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (card), title);
      g_ptr_array_add (self->title_entries, title);

      gtk_widget_set_name (description, description_name);
      gtk_widget_set_direction (description, direction);
      /* Translators: the placeholder of an activity's description field, one per language. */
      gtk_entry_set_placeholder_text (GTK_ENTRY (description), _("Description (optional)"));
      gtk_widget_add_css_class (description, "big-entry");
      gtk_accessible_update_property (GTK_ACCESSIBLE (description), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description_label, -1);
      gtk_box_append (GTK_BOX (card), description);
      g_ptr_array_add (self->description_entries, description);

      gtk_box_append (self->texts_box, card);
    }
}

/* Shows a saved activity in the form. */
static void
load_activity (LotsenActivityEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivity) activity = NULL;
  g_autofree char *category_name = NULL;
  const LotsenLanguage *languages;
  guint n_languages;

  activity = lotsen_activity_get (store_of (self), self->activity_id, lotsen_i18n_get_language (), &error);
  if (activity == NULL)
    {
      lotsen_label_set_message (self->error_label, error->message);
      return;
    }

  category_name = g_strdup_printf ("category-%s", activity->category);
  select_toggle (self->category_toggles, category_name);
  select_toggle (self->pictogram_toggles, activity->pictogram);
  gtk_editable_set_text (GTK_EDITABLE (self->place_entry), activity->location ? activity->location : "");
  gtk_spin_button_set_value (self->capacity_spin, activity->capacity);
  gtk_spin_button_set_value (self->minutes_spin, activity->minutes);
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), activity->start_time ? activity->start_time : "");
  if (activity->weekday > 0)
    {
      g_autofree char *name = g_strdup_printf ("weekday-%d", activity->weekday);
      select_toggle (self->weekday_toggles, name);
    }
  else
    gtk_toggle_button_set_active (self->once_toggle, TRUE);

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint t = 0; t < activity->texts->len; t++)
    {
      const LotsenActivityText *text = activity->texts->pdata[t];

      for (guint i = 0; i < n_languages; i++)
        if (g_str_equal (languages[i].code, text->lang))
          {
            gtk_editable_set_text (self->title_entries->pdata[i], text->title);
            gtk_editable_set_text (self->description_entries->pdata[i],
                                   text->description ? text->description : "");
          }
    }

  /* The schedule of a saved activity is shown, not changed. */
  gtk_widget_set_sensitive (self->repeat_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->weekday_grid), FALSE);
  gtk_widget_set_sensitive (self->date_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->time_entry), FALSE);
  gtk_widget_set_visible (self->schedule_note, TRUE);
  gtk_widget_set_visible (self->date_box, FALSE);
}

static void
lotsen_activity_editor_dispose (GObject *object)
{
  LotsenActivityEditor *self = LOTSEN_ACTIVITY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_ACTIVITY_EDITOR);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_object (&self->staff);
  g_clear_pointer (&self->title_entries, g_ptr_array_unref);
  g_clear_pointer (&self->description_entries, g_ptr_array_unref);
  g_clear_pointer (&self->weekday_toggles, g_ptr_array_unref);
  g_clear_pointer (&self->pictogram_toggles, g_ptr_array_unref);
  g_clear_pointer (&self->category_toggles, g_ptr_array_unref);

  G_OBJECT_CLASS (lotsen_activity_editor_parent_class)->dispose (object);
}

static void
lotsen_activity_editor_class_init (LotsenActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_activity_editor_dispose;

  /**
   * LotsenActivityEditor::done:
   *
   * The activity was saved, or staff left without saving.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, category_choices);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, category_error);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, pictogram_grid);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, pictogram_error);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, place_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, capacity_error);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, minutes_error);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, repeat_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, weekly_toggle);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, once_toggle);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, weekday_grid);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, date_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, time_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, when_error);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, schedule_note);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, missing_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, texts_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, sessions_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, told_box);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, told_title);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, told_list);
  gtk_widget_class_bind_template_child (widget_class, LotsenActivityEditor, session_list);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel-session", "x", cancel_session_action);
}

static void
lotsen_activity_editor_init (LotsenActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->title_entries = g_ptr_array_new ();
  self->description_entries = g_ptr_array_new ();
  self->weekday_toggles = g_ptr_array_new ();
  self->pictogram_toggles = g_ptr_array_new ();
  self->category_toggles = g_ptr_array_new ();

  /* Dates and times read left to right in every language. */
  gtk_widget_set_direction (GTK_WIDGET (self->date_entry), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->time_entry), GTK_TEXT_DIR_LTR);

  g_signal_connect_object (self->weekly_toggle, "toggled", G_CALLBACK (update_schedule), self, G_CONNECT_SWAPPED);
}

/**
 * lotsen_activity_editor_new:
 * @activity_id: the activity to change, or 0 for a new one
 */
GtkWidget *
lotsen_activity_editor_new (LotsenStaffSession *staff,
                            gint64       activity_id)
{
  LotsenActivityEditor *self;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (staff), NULL);

  self = g_object_new (LOTSEN_TYPE_ACTIVITY_EDITOR, NULL);
  self->staff = g_object_ref (staff);
  self->activity_id = activity_id;

  build_form (self);
  gtk_label_set_text (self->heading, activity_id == 0 ? _("New activity") :
    /* Translators: the heading of the activity editor when staff change an activity. */
    _("Edit activity"));
  update_schedule (self);

  if (activity_id != 0)
    {
      load_activity (self);
      gtk_widget_set_visible (self->sessions_box, TRUE);
      fill_sessions (self);
    }

  update_missing (self);

  return GTK_WIDGET (self);
}

/**
 * lotsen_activity_editor_get_activity_id:
 *
 * Returns: the activity shown, or 0 while a new one is not saved yet
 */
gint64
lotsen_activity_editor_get_activity_id (LotsenActivityEditor *self)
{
  g_return_val_if_fail (LOTSEN_IS_ACTIVITY_EDITOR (self), 0);

  return self->activity_id;
}
