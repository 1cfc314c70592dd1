/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-language-bar.c — the bar on top of every visitor screen.
 *
 * One language button, however many languages there are: it shows the
 * current language's own name and opens the grid of every language
 * ("win.choose-language").  The first screen shows the grid itself and
 * has no bar.  The staff panel's small button sits at the other end.
 */

#include "config.h"

#include "lotsen-i18n.h"
#include "lotsen-language-bar.h"

struct _LotsenLanguageBar
{
  GtkWidget  parent_instance;

  GtkWidget *language_button;
  GtkLabel  *current_label;
};

G_DEFINE_FINAL_TYPE (LotsenLanguageBar, lotsen_language_bar, GTK_TYPE_WIDGET)

static void
lotsen_language_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_LANGUAGE_BAR);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_language_bar_parent_class)->dispose (object);
}

static void
lotsen_language_bar_class_init (LotsenLanguageBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_language_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "languagebar");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-language-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenLanguageBar, language_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenLanguageBar, current_label);
}

static void
lotsen_language_bar_init (LotsenLanguageBar *self)
{
  const LotsenLanguage *language = lotsen_i18n_lookup (lotsen_i18n_get_language ());
  g_autofree char *name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_text (self->current_label, language->native_name);
  gtk_widget_set_direction (GTK_WIDGET (self->current_label),
                            language->direction == LOTSEN_TEXT_DIRECTION_RTL
                            ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  /* Translators: the accessible name of the language button on top of every screen; %s is
   * the current language's own name, such as "العربية". */
  name = g_strdup_printf (_("Language: %s. Choose another language"), language->native_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

GtkWidget *
lotsen_language_bar_new (void)
{
  return g_object_new (LOTSEN_TYPE_LANGUAGE_BAR, NULL);
}
